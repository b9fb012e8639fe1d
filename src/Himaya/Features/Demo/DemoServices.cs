using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// The demo's service directory: providers of the three kinds and their services, placed on the map. "Ganja Children's
/// NGO" is the agency of the demo user ngo.ganja, who answers its referrals; the others show the limits a referral meets
/// (ages, sex, disability, district, free places) and fill the public directory beyond Ganja.
/// </summary>
public static class DemoServices
{
    private sealed record P(string Name, ProviderKind Kind, AccreditationStatus Accreditation, string? Phone);
    private sealed record S(string Name, string Provider, string[] Types, string[] Districts, int MinAge, int MaxAge, double Lat, double Lon,
        string? Phone = null, int? Capacity = null, int? Free = null, bool Disability = false, SexEligibility Sex = SexEligibility.Any, string? Hours = null);

    private static readonly P[] Providers =
    [
        new("Ganja Children's NGO", ProviderKind.Ngo, AccreditationStatus.Accredited, "+994 22 256 00 00"),
        new("Ganja Rehabilitation Centre", ProviderKind.State, AccreditationStatus.Accredited, "+994 22 256 11 11"),
        new("Ganja City Education Department", ProviderKind.State, AccreditationStatus.None, null),
        new("Azerbaijan Bar Association", ProviderKind.State, AccreditationStatus.None, "+994 12 000 00 00"),
        new("Shirvan Social Services Centre", ProviderKind.State, AccreditationStatus.Accredited, null),
        new("State Social Protection Fund", ProviderKind.State, AccreditationStatus.None, null),
        new("Youth Health Network", ProviderKind.Ngo, AccreditationStatus.Applied, "+994 12 400 00 00"),
        new("Caspian Family Clinic", ProviderKind.Private, AccreditationStatus.None, "+994 25 255 00 00"),
    ];

    private static readonly S[] All =
    [
        new("Ganja Children's NGO: psychosocial support (MHPSS)", "Ganja Children's NGO", ["mhpss"], ["C-GAN"], 3, 17, 40.6828, 46.3606, "+994 22 256 00 00", 40, 6, Hours: "Mon–Fri 9:00–18:00"),
        new("Ganja rehabilitation centre for children with disabilities", "Ganja Rehabilitation Centre", ["rehabilitation", "day-care"], ["C-GAN"], 0, 17, 40.6930, 46.3700, "+994 22 256 11 11", 60, 0, Disability: true),
        new("Ganja inclusive education resource centre", "Ganja City Education Department", ["inclusive-education"], ["C-GAN"], 5, 17, 40.6750, 46.3500, Capacity: 120, Free: 15),
        new("Early childhood intervention service", "Ganja Children's NGO", ["ecd-parenting", "home-visiting"], ["C-GAN"], 0, 5, 40.6880, 46.3550, Capacity: 30, Free: 4),
        new("Free legal aid for children (Bar Association)", "Azerbaijan Bar Association", ["legal-aid"], [], 0, 17, 40.3777, 49.8920, "+994 12 000 00 00"),
        new("Shirvan family support centre", "Shirvan Social Services Centre", ["family-support", "social-work"], ["C-SIR"], 0, 17, 39.9381, 48.9206, Capacity: 50, Free: 12),
        new("Targeted social assistance (TSA) application support", "State Social Protection Fund", ["social-protection"], [], 0, 17, 40.4093, 49.8671),
        new("Youth-friendly HIV testing and counselling, Baku", "Youth Health Network", ["hiv-testing-youth", "youth-friendly"], ["BAK-NES", "BAK-YAS", "BAK-SEB", "BAK-NAR"], 14, 17, 40.3890, 49.8330, "+994 12 400 00 01", Hours: "Mon–Sat 10:00–19:00"),
        new("Youth-friendly HIV testing and counselling, Ganja", "Youth Health Network", ["hiv-testing-youth", "youth-friendly"], ["C-GAN"], 14, 17, 40.6790, 46.3650, "+994 22 400 00 02"),
        new("Youth-friendly HIV testing and counselling, Sumgait", "Youth Health Network", ["hiv-testing-youth"], ["C-SUM"], 14, 17, 40.5897, 49.6686, "+994 18 400 00 03"),
        new("Lankaran girls' mentoring and counselling", "Caspian Family Clinic", ["mhpss", "youth-friendly"], ["C-LAN", "R-LAN"], 10, 17, 38.7529, 48.8475, "+994 25 255 00 01", 25, 8, Sex: SexEligibility.Girls),
        new("Lankaran parenting and early learning groups", "Caspian Family Clinic", ["ecd-parenting", "preschool"], ["C-LAN"], 0, 6, 38.7560, 48.8500, Capacity: 40, Free: 0),
    ];

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Services.AnyAsync(ct)) return;
        var now = DateTime.UtcNow;
        var providers = Providers.Select(p => new Provider
        {
            Name = p.Name, Kind = p.Kind, Accreditation = p.Accreditation, Phone = p.Phone, CreatedAt = now, UpdatedAt = now,
            AccreditedOn = p.Accreditation == AccreditationStatus.Accredited ? new DateOnly(2025, 3, 1) : null,
            AccreditationExpiresOn = p.Accreditation == AccreditationStatus.Accredited ? new DateOnly(2028, 2, 28) : null,
        }).ToDictionary(p => p.Name);
        db.Providers.AddRange(providers.Values);
        await db.SaveChangesAsync(ct);
        db.Services.AddRange(All.Select(s => new Service
        {
            Name = s.Name, ProviderId = providers[s.Provider].Id, Agency = s.Provider, Status = ServiceStatus.Public, Nationwide = s.Districts.Length == 0,
            MinAge = s.MinAge, MaxAge = s.MaxAge, Sex = s.Sex, DisabilityOnly = s.Disability, Latitude = s.Lat, Longitude = s.Lon, Phone = s.Phone,
            Capacity = s.Capacity, FreePlaces = s.Free, OpeningHours = s.Hours, Languages = "az,ru", CreatedAt = now, UpdatedAt = now,
            Types = [.. s.Types.Select(t => new ServiceTypeLink { TypeCode = t })],
            Districts = [.. s.Districts.Select(d => new ServiceDistrict { DistrictCode = d })],
        }));
        await db.SaveChangesAsync(ct);

        // State funding and contact people for a few providers, so the providers' pages show what a real one holds.
        var today = DateOnly.FromDateTime(now);
        db.ProviderContracts.AddRange(
            Contract(providers["Ganja Children's NGO"].Id, "Ministry of Labour and Social Protection of Population", "SSC-2026/041", 84_500m, today.AddMonths(-5), today.AddMonths(7), ["mhpss", "ecd-parenting"]),
            Contract(providers["Ganja Children's NGO"].Id, "Ganja City Executive Authority", "GCEA-2025/112", 12_000m, today.AddMonths(-18), today.AddMonths(-6), ["home-visiting"]),
            Contract(providers["Youth Health Network"].Id, "Ministry of Health", "MH-2026/HIV-07", 56_250m, today.AddMonths(-2), today.AddMonths(10), ["hiv-testing-youth", "youth-friendly"]));
        db.ProviderContacts.AddRange(
            new ProviderContact { ProviderId = providers["Ganja Children's NGO"].Id, Name = "Günel Əliyeva", Role = "Director", Phone = "+994 22 256 00 01", Email = "info@ganja-children.example", CreatedAt = now },
            new ProviderContact { ProviderId = providers["Ganja Children's NGO"].Id, Name = "Rəşad Hüseynov", Role = "Referrals coordinator", Phone = "+994 50 256 00 02", CreatedAt = now },
            new ProviderContact { ProviderId = providers["Youth Health Network"].Id, Name = "Nigar Məmmədova", Role = "Programme manager", Email = "contact@youth-health.example", CreatedAt = now });
        await db.SaveChangesAsync(ct);

        ProviderContract Contract(int provider, string funder, string number, decimal amount, DateOnly from, DateOnly to, string[] types) => new()
        {
            ProviderId = provider, Funder = funder, Number = number, Amount = amount, StartsOn = from, EndsOn = to, CreatedAt = now,
            Types = [.. types.Select(t => new ContractServiceType { TypeCode = t })],
        };
    }
}
