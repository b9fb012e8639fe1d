using Himaya.Features.Services;
using Shouldly;

namespace Himaya.Tests.Services;

/// <summary>A provider's rules on its entities: the accreditation warning, a state contract's checks, status and early end, a contact, a taxonomy code.</summary>
public sealed class ProviderRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 10);

    private static Provider Accredited(DateOnly? until) =>
        new() { Name = "P", Accreditation = AccreditationStatus.Accredited, AccreditedOn = new DateOnly(2024, 1, 1), AccreditationExpiresOn = until };

    [Theory]
    [InlineData(-1, AccreditationWarning.Expired)]
    [InlineData(0, AccreditationWarning.ExpiresSoon)] // the last valid day
    [InlineData(60, AccreditationWarning.ExpiresSoon)]
    [InlineData(61, null)]
    public void An_accreditation_is_flagged_sixty_days_before_it_expires_and_after(int days, AccreditationWarning? expected) =>
        Accredited(Today.AddDays(days)).AccreditationWarningOn(Today).ShouldBe(expected);

    [Fact]
    public void Only_an_accreditation_is_warned_of()
    {
        Accredited(null).AccreditationWarningOn(Today).ShouldBeNull();
        new Provider { Name = "E", Accreditation = AccreditationStatus.Expired }.AccreditationWarningOn(Today).ShouldBe(AccreditationWarning.Expired);
        // Not accredited, applied or suspended is a status, whatever date is left over.
        foreach (var status in new[] { AccreditationStatus.None, AccreditationStatus.Applied, AccreditationStatus.Suspended })
            new Provider { Name = "N", Accreditation = status, AccreditationExpiresOn = Today.AddDays(-3) }.AccreditationWarningOn(Today).ShouldBeNull();
    }

    private static readonly ContractInput Good = new("Ministry of Labour and Social Protection", "SSC-2026/014", 125_000.50m,
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["mhpss"]);

    [Fact]
    public void A_contract_needs_a_funder_number_positive_amount_forward_period_and_types()
    {
        ProviderContract.Check(Good).IsEmpty.ShouldBeTrue();
        ProviderContract.Check(Good with { To = Good.From }).IsEmpty.ShouldBeTrue("a one-day contract");
        var e = ProviderContract.Check(new ContractInput(" ", null, 0m, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), []));
        e.All.Keys.ShouldBe(["funder", "number", "amount", "to", "types"], ignoreOrder: true);
        e.CodedFor("amount").Single().Code.ShouldBe("providers.amount");
        e.CodedFor("to").Single().Code.ShouldBe("providers.period-reversed");
        ProviderContract.Check(Good with { Amount = -5m }).CodedFor("amount").Single().Code.ShouldBe("providers.amount");
        ProviderContract.Check(Good with { Amount = 10.005m }).CodedFor("amount").Single().Code.ShouldBe("providers.amount", "qəpiks: two decimals");
        ProviderContract.Check(Good with { Amount = ProviderContract.MaxAmount + 1 }).All.Keys.ShouldBe(["amount"]);
        ProviderContract.Check(Good with { Amount = null, From = null, To = null }).All.Keys.ShouldBe(["amount", "from", "to"], ignoreOrder: true);
        ProviderContract.Check(Good with { Funder = new string('f', 201) }).CodedFor("funder").Single().Code.ShouldBe("field.too-long");
    }

    private static ProviderContract Contract() => new()
    {
        Funder = "F", Number = "N", Amount = 1m, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
    };

    [Theory]
    [InlineData("2025-12-31", ContractStatus.Upcoming)]
    [InlineData("2026-01-01", ContractStatus.Active)]
    [InlineData("2026-12-31", ContractStatus.Active)]
    [InlineData("2027-01-01", ContractStatus.Ended)]
    public void A_contracts_status_follows_its_period(string day, ContractStatus expected) =>
        Contract().StatusOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void A_contract_ended_early_is_over_from_that_day_and_cannot_end_again()
    {
        var c = Contract();
        c.End(Today, Today).ShouldBeNull();
        c.EndedOn.ShouldBe(Today);
        c.StatusOn(Today.AddDays(-1)).ShouldBe(ContractStatus.Active);
        c.StatusOn(Today).ShouldBe(ContractStatus.Ended);
        c.End(Today, Today)!.Code.ShouldBe("providers.contract-already-ended");
        c.EndedOn.ShouldBe(Today);
    }

    [Fact]
    public void A_contract_ends_within_its_period_and_not_in_the_future()
    {
        var c = Contract();
        c.End(Today.AddDays(1), Today)!.Code.ShouldBe("field.future-date");
        c.End(new DateOnly(2025, 12, 1), Today)!.Code.ShouldBe("providers.end-outside-period");
        c.EndedOn.ShouldBeNull();
        var over = Contract();
        over.EndsOn = new DateOnly(2026, 3, 1);
        over.End(Today, Today)!.Code.ShouldBe("providers.contract-already-ended");
    }

    [Fact]
    public void A_contact_has_a_name_and_a_way_to_reach_them()
    {
        ProviderContact.Check(new ContactInput("Leyla Məmmədova", "Director", "+994 22 256 00 01", null)).IsEmpty.ShouldBeTrue();
        ProviderContact.Check(new ContactInput("Leyla", null, null, "leyla@example.az")).IsEmpty.ShouldBeTrue();
        ProviderContact.Check(new ContactInput(null, null, null, null)).All.Keys.ShouldBe(["name", "phone"], ignoreOrder: true);
        ProviderContact.Check(new ContactInput("L", new string('r', 101), "call me", "not-mail")).All.Keys.ShouldBe(["role", "phone", "email"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("day-care", true)]
    [InlineData("hiv-testing-youth", true)]
    [InlineData("a1", true)]
    [InlineData("Day-care", false)]
    [InlineData("day_care", false)]
    [InlineData("day--care", false)]
    [InlineData("-day", false)]
    [InlineData("day-", false)]
    [InlineData("uşaq", false)]
    [InlineData("", false)]
    public void A_type_code_is_lowercase_kebab(string code, bool ok) => ServiceType.IsCode(code).ShouldBe(ok);

    [Fact]
    public void A_type_code_has_at_most_forty_characters_and_is_retired_once()
    {
        ServiceType.IsCode(new string('a', 40)).ShouldBeTrue();
        ServiceType.IsCode(new string('a', 41)).ShouldBeFalse();
        var t = new ServiceType { Code = "x", NameAz = "x", NameEn = "x", NameRu = "x" };
        t.Retire().ShouldBeNull();
        t.Active.ShouldBeFalse();
        t.Retire()!.Code.ShouldBe("providers.type-already-retired");
        ServiceType.Check(new ServiceTypeInput("New Type", "", "n", null)).All.Keys.ShouldBe(["code", "nameAz", "nameRu"], ignoreOrder: true);
    }

    private static Provider Ngo() => new() { Name = "Uşaq Evi", Kind = ProviderKind.Ngo, Phone = "+994 22 255 00 00", Website = "https://old.az" };
    private static readonly DateTime At = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_proposal_waits_without_changing_the_facts_and_a_newer_one_replaces_it()
    {
        var p = Ngo();
        p.Propose(new("+994 22 255 11 11", null, "Gəncə, Atatürk 5", "https://old.az"), by: 7, At).ShouldBeNull();
        p.Phone.ShouldBe("+994 22 255 00 00");
        p.WaitingProposal()!.Phone.ShouldBe("+994 22 255 11 11");
        p.ProposedById.ShouldBe(7);
        p.Version.ShouldBe(2);
        p.Propose(new("+994 22 255 22 22", null, null, null), by: 8, At.AddHours(1)).ShouldBeNull();
        p.WaitingProposal().ShouldBe(new ProviderContactFacts("+994 22 255 22 22", null, null, null));
        p.ProposedById.ShouldBe(8);
    }

    [Fact]
    public void A_proposal_the_same_as_the_facts_is_refused()
    {
        var p = Ngo();
        p.Propose(p.ContactFacts(), by: 7, At)!.Code.ShouldBe("providers.proposal-changes-nothing");
        p.WaitingProposal().ShouldBeNull();
        p.Version.ShouldBe(1);
    }

    [Fact]
    public void Approving_applies_every_proposed_fact_even_an_empty_one()
    {
        var p = Ngo();
        p.Propose(new("+994 22 255 11 11", "info@evi.az", null, null), by: 7, At);
        p.ApproveProposal(At.AddDays(1)).ShouldBeNull();
        p.ContactFacts().ShouldBe(new ProviderContactFacts("+994 22 255 11 11", "info@evi.az", null, null));
        p.WaitingProposal().ShouldBeNull();
        p.UpdatedAt.ShouldBe(At.AddDays(1));
        p.ApproveProposal(At.AddDays(2))!.Code.ShouldBe("providers.nothing-proposed");
    }

    [Fact]
    public void Returning_needs_a_reason_keeps_the_facts_and_leaves_the_reason_until_the_next_proposal()
    {
        var p = Ngo();
        p.Propose(new("+994 22 255 11 11", null, null, null), by: 7, At);
        p.ReturnProposal("  ", At)!.Code.ShouldBe("providers.reason-required");
        p.WaitingProposal().ShouldNotBeNull();
        p.ReturnProposal(" The number does not answer. ", At).ShouldBeNull();
        p.Phone.ShouldBe("+994 22 255 00 00");
        p.WaitingProposal().ShouldBeNull();
        p.ReturnedReason.ShouldBe("The number does not answer.");
        p.ReturnProposal("again", At)!.Code.ShouldBe("providers.nothing-proposed");
        p.Propose(new("+994 22 255 33 33", null, null, null), by: 7, At).ShouldBeNull();
        p.ReturnedReason.ShouldBeNull();
    }
}
