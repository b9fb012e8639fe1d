using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>The refusals of a provider's record (its version, contracts, contacts) and of the taxonomy's administration.</summary>
public static class ProviderErrors
{
    public static Refusal VersionRequired() => Refusal.OnField("providers.version-required", "version");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("providers.changed-since", "version", yours, current);
    public static Refusal ChangedAtSameMoment() => Refusal.Of("providers.changed-at-same-moment", "version");
    public static Refusal Amount() => Refusal.OnField("providers.amount", "amount");
    public static Refusal PeriodReversed() => Refusal.OnField("providers.period-reversed", "to");
    public static Refusal ContractNumberTaken(string number) => Refusal.OnField("providers.contract-number-taken", "number", number);
    public static Refusal ContractAlreadyEnded(string number) => Refusal.Of("providers.contract-already-ended", "status", number);
    public static Refusal EndOutsidePeriod() => Refusal.OnField("providers.end-outside-period", "endedOn");
    public static Refusal ContactUnreachable() => Refusal.OnField("providers.contact-unreachable", "phone");
    public static Refusal ProposalChangesNothing() => Refusal.OnField("providers.proposal-changes-nothing", "phone");
    public static Refusal NothingProposed() => Refusal.Of("providers.nothing-proposed", "status");
    public static Refusal ReasonRequired() => Refusal.OnField("providers.reason-required", "reason");
    public static Refusal ApproveOrReturn() => Refusal.OnField("providers.approve-or-return", "approve");
    public static Refusal TypeCode() => Refusal.OnField("providers.type-code", "code");
    public static Refusal TypeCodeTaken(string code) => Refusal.OnField("providers.type-code-taken", "code", code);
    public static Refusal TypeAlreadyRetired(string code) => Refusal.Of("providers.type-already-retired", "active", code);
}
