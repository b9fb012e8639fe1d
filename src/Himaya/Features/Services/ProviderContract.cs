using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>Where a state contract stands on a day: not begun, running, or over (its period passed or it was ended early).</summary>
public enum ContractStatus { Upcoming, Active, Ended }

/// <summary>
/// A state social-service contract that funds a provider: who pays (a ministry, a state agency), its number, the amount in
/// manat, the period and the types of service it buys. Its status is derived from the period, never stored; a contract
/// ended early keeps its period and says on which day it ended.
/// </summary>
public sealed class ProviderContract
{
    public const int MaxFunder = 200;
    public const int MaxNumber = 50;
    /// <summary>The column holds 14 digits with 2 after the point.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public int Id { get; set; }
    public int ProviderId { get; set; }
    public required string Funder { get; set; }
    public required string Number { get; set; }
    /// <summary>In manat (AZN).</summary>
    public decimal Amount { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The day it was ended before its period ran out: from that day it is over.</summary>
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ContractServiceType> Types { get; set; } = [];

    public ContractStatus StatusOn(DateOnly day) =>
        day < StartsOn ? ContractStatus.Upcoming
        : day > EndsOn || day >= EndedOn ? ContractStatus.Ended
        : ContractStatus.Active;

    /// <summary>What a contract must hold, by the JSON field names; the types' existence is the caller's (a database fact).</summary>
    public static FieldErrors Check(ContractInput r)
    {
        var e = new FieldErrors();
        Required(e, "funder", r.Funder, MaxFunder);
        Required(e, "number", r.Number, MaxNumber);
        if (r.Amount is not { } amount) e.Add(PlatformErrors.Required("amount"));
        else if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount) e.Add(ProviderErrors.Amount());
        if (r.From is null) e.Add(PlatformErrors.Required("from"));
        if (r.To is null) e.Add(PlatformErrors.Required("to"));
        else if (r.From is { } from && r.To < from) e.Add(ProviderErrors.PeriodReversed());
        if (r.Types is not { Count: > 0 }) e.Add(ServiceErrors.TypesRequired());
        return e;
    }

    /// <summary>Ends the contract early on <paramref name="on"/> (within its period, not after today); an ended one cannot end again.</summary>
    public Refusal? End(DateOnly on, DateOnly today)
    {
        if (StatusOn(today) == ContractStatus.Ended) return ProviderErrors.ContractAlreadyEnded(Number);
        if (on > today) return PlatformErrors.FutureDate("endedOn");
        if (on < StartsOn || on > EndsOn) return ProviderErrors.EndOutsidePeriod();
        EndedOn = on;
        return null;
    }

    private static void Required(FieldErrors e, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(PlatformErrors.Required(field));
        else if (value.Trim().Length > max) e.Add(PlatformErrors.TooLong(field, max));
    }
}

/// <summary>A type of service a contract buys (a code of the shared taxonomy).</summary>
public sealed class ContractServiceType
{
    public int ContractId { get; set; }
    public required string TypeCode { get; set; }
}
