using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>What a rule on a service did: refused (nothing changed) or done, with what the audit line says.</summary>
public sealed record ServiceRule(Refusal? Refused, string? Done)
{
    public static implicit operator ServiceRule(Refusal r) => new(r, null);
    public static implicit operator ServiceRule(string done) => new(null, done);
}

/// <summary>
/// The keeping of a service: edits, review, closing. The directory's keepers (administrators, coordinators) change it at
/// once. A provider's staff change their own service at once while it is not public yet (a returned one goes back for
/// review); on a public one their changes to its public facts wait as a <see cref="ServiceChange"/> for a coordinator,
/// while capacity and free places, which they update daily, apply at once. Each rule refuses before it changes anything.
/// </summary>
public sealed partial class Service
{
    /// <summary>Why the last review sent the service or its change back; cleared when approved or proposed again.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>Its proposed changes: the one waiting, when loaded, and the decided ones (history).</summary>
    public List<ServiceChange> Changes { get; set; } = [];

    public ServiceFacts CurrentFacts() => new(Name, Description, ServiceFacts.Sorted(Types.Select(t => t.TypeCode)),
        ServiceFacts.Sorted(Districts.Select(d => d.DistrictCode)), Nationwide, Address, Latitude, Longitude, MinAge, MaxAge, Sex, DisabilityOnly,
        Phone, OpeningHours, ServiceFacts.Sorted(Languages?.Split(',')), Cost);

    public ServiceChange? WaitingChange() => Changes.FirstOrDefault(c => c.Status == ChangeStatus.Waiting);

    /// <summary>Waits for a reviewer: a new service not yet public, or a public one with a change waiting.</summary>
    public bool WaitsForReview() => Status == ServiceStatus.Pending || (Status == ServiceStatus.Public && WaitingChange() is not null);

    /// <summary>An edit by a keeper (<paramref name="keeper"/>) or by the provider's staff; see the class.</summary>
    public ServiceRule Edit(ServiceFacts facts, int? capacity, int? freePlaces, bool keeper, int by, DateTime now)
    {
        if (Status == ServiceStatus.Closed) return ServiceReviewErrors.ClosedReopenFirst();
        var differs = facts.Differences(CurrentFacts());
        var places = Places(capacity, freePlaces);
        if (keeper || Status != ServiceStatus.Public)
        {
            Apply(facts);
            if (keeper || Status != ServiceStatus.Returned) return Said("edited", differs) + places;
            // Fixed after a return: it waits for a reviewer again.
            Status = ServiceStatus.Pending;
            ReviewNote = null;
            return Said("resubmitted", differs) + places;
        }
        var waiting = WaitingChange();
        if (differs.Count == 0)
        {
            // The public facts as they are: nothing to review, and a change still waiting is withdrawn.
            if (waiting is null) return "edited" + places;
            waiting.Decide(ChangeStatus.Withdrawn, by, now, null);
            return "change withdrawn" + places;
        }
        if (waiting is null) Changes.Add(ServiceChange.Of(facts, by, now));
        else waiting.Replace(facts, by, now);
        ReviewNote = null;
        return Said("change proposed", differs) + places;
    }

    /// <summary>Capacity and free places: operational figures, applied at once whoever updates them.</summary>
    public ServiceRule UpdatePlaces(int? capacity, int? freePlaces) =>
        Status == ServiceStatus.Closed ? ServiceReviewErrors.ClosedReopenFirst() : Places(capacity, freePlaces) is { Length: > 0 } p ? p[2..] : "places unchanged";

    /// <summary>A reviewer's approval: a new service becomes public; a waiting change is applied.</summary>
    public ServiceRule Approve(int by, DateTime now)
    {
        if (Status == ServiceStatus.Pending)
        {
            Status = ServiceStatus.Public;
            ReviewNote = null;
            return "approved: public";
        }
        if (Status == ServiceStatus.Public && WaitingChange() is { } waiting)
        {
            var facts = waiting.Facts();
            var differs = facts.Differences(CurrentFacts());
            Apply(facts);
            waiting.Decide(ChangeStatus.Approved, by, now, null);
            ReviewNote = null;
            return Said("change approved", differs);
        }
        return ServiceReviewErrors.NothingToReview(Status);
    }

    /// <summary>A reviewer's return with a reason: a new service goes back to its provider; a waiting change is discarded.</summary>
    public ServiceRule Return(string reason, int by, DateTime now)
    {
        if (Status == ServiceStatus.Pending)
        {
            Status = ServiceStatus.Returned;
            ReviewNote = reason;
            return "returned";
        }
        if (Status == ServiceStatus.Public && WaitingChange() is { } waiting)
        {
            waiting.Decide(ChangeStatus.Returned, by, now, reason);
            ReviewNote = reason;
            return "change returned";
        }
        return ServiceReviewErrors.NothingToReview(Status);
    }

    /// <summary>Closed: it takes no referrals and leaves the directory, and stays for the referrals it answered.</summary>
    public ServiceRule Close(int by, DateTime now)
    {
        if (Status == ServiceStatus.Closed) return ServiceReviewErrors.AlreadyClosed();
        Status = ServiceStatus.Closed;
        WaitingChange()?.Decide(ChangeStatus.Withdrawn, by, now, null);
        return "closed";
    }

    /// <summary>Reopened: public again from a keeper; from the provider's staff it waits for a reviewer, like a new one.</summary>
    public ServiceRule Reopen(bool keeper)
    {
        if (Status != ServiceStatus.Closed) return ServiceReviewErrors.NotClosed();
        Status = keeper ? ServiceStatus.Public : ServiceStatus.Pending;
        ReviewNote = null;
        return keeper ? "reopened: public" : "reopened: waiting for review";
    }

    /// <summary>Sets the public facts; types and districts by difference, so unchanged rows stay as they are.</summary>
    public void Apply(ServiceFacts f)
    {
        (Name, Description, Nationwide, Address, Latitude, Longitude) = (f.Name, f.Description, f.Nationwide, f.Address, f.Latitude, f.Longitude);
        (MinAge, MaxAge, Sex, DisabilityOnly, Phone, OpeningHours, Cost) = (f.AgeMin, f.AgeMax, f.Sex, f.DisabilityOnly, f.Phone, f.OpeningHours, f.Cost);
        Languages = f.Languages.Count > 0 ? string.Join(',', f.Languages) : null;
        Types.RemoveAll(t => !f.Types.Contains(t.TypeCode));
        Types.AddRange(f.Types.Where(c => !Types.Any(t => t.TypeCode == c)).Select(c => new ServiceTypeLink { ServiceId = Id, TypeCode = c }));
        Districts.RemoveAll(d => !f.Districts.Contains(d.DistrictCode));
        Districts.AddRange(f.Districts.Where(c => !Districts.Any(d => d.DistrictCode == c)).Select(c => new ServiceDistrict { ServiceId = Id, DistrictCode = c }));
    }

    private string Places(int? capacity, int? freePlaces)
    {
        if (Capacity == capacity && FreePlaces == freePlaces) return "";
        (Capacity, FreePlaces) = (capacity, freePlaces);
        return $"; places {capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}/{freePlaces?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
    }

    private static string Said(string what, IReadOnlyList<string> fields) => fields.Count == 0 ? what : $"{what}: {string.Join(", ", fields)}";
}
