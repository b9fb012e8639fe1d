namespace Himaya.Features.Monitoring;

/// <summary>What an indicator's value counts: a number of children, a percentage, or a rate per 1,000 (mortality, say).</summary>
public enum IndicatorUnit { Number, Percent, RatePer1000 }

/// <summary>Which way is progress: up (enrolment) or down (mortality).</summary>
public enum IndicatorDirection { HigherIsBetter, LowerIsBetter }

/// <summary>An indicator's own state: drafted, approved for use, or published (its values open to anyone).</summary>
public enum IndicatorStatus { Draft, Approved, Published }

/// <summary>A reference point of an indicator: where it started (baseline) or where it should be by a period (target).</summary>
public enum MarkKind { Baseline, Target }

/// <summary>A level of a results framework: an outcome (a change for children) or an output (what the project delivers for it).</summary>
public enum ResultLevel { Outcome, Output }
