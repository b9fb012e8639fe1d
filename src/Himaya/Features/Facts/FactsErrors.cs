using Himaya.Platform;

namespace Himaya.Features.Facts;

/// <summary>The refusals of registry facts and their rules.</summary>
public static class FactsErrors
{
    public static Refusal ObservedOn(string field, string value) => Refusal.OnField("facts.observed-on", field, value);
    public static Refusal UnknownFact(string field, string known) => Refusal.OnField("facts.unknown-fact", field, known);
}
