using Himaya.Features.Cases;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// Demo services to refer to. "Ganja Children's NGO" is the agency of the demo user ngo.ganja, who answers its referrals;
/// the others show age and district limits (a referral outside them is refused).
/// </summary>
public static class DemoServices
{
    public static readonly Service[] All =
    [
        new() { Name = "Ganja Children's NGO: psychosocial support (MHPSS)", Kind = ServiceKind.Mhpss, Agency = "Ganja Children's NGO", MinAge = 3, MaxAge = 17, Areas = "C-GAN", Contact = "+994 22 256 00 00" },
        new() { Name = "Ganja rehabilitation centre for children with disabilities", Kind = ServiceKind.Rehabilitation, Agency = "Ganja Rehabilitation Centre", MinAge = 0, MaxAge = 17, Areas = "C-GAN", Contact = "+994 22 256 11 11" },
        new() { Name = "Ganja inclusive education resource centre", Kind = ServiceKind.Education, Agency = "Ganja City Education Department", MinAge = 5, MaxAge = 17, Areas = "C-GAN" },
        new() { Name = "Early childhood intervention service", Kind = ServiceKind.Health, Agency = "Ganja Children's NGO", MinAge = 0, MaxAge = 5, Areas = "C-GAN" },
        new() { Name = "Free legal aid for children (Bar Association)", Kind = ServiceKind.LegalAid, Agency = "Azerbaijan Bar Association", MinAge = 0, MaxAge = 17, Areas = "", Contact = "+994 12 000 00 00" },
        new() { Name = "Shirvan family support centre", Kind = ServiceKind.Ngo, Agency = "Shirvan Social Services Centre", MinAge = 0, MaxAge = 17, Areas = "C-SIR" },
        new() { Name = "Targeted social assistance (TSA) application support", Kind = ServiceKind.SocialProtection, Agency = "State Social Protection Fund", MinAge = 0, MaxAge = 17, Areas = "" },
    ];

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Services.AnyAsync(ct)) return;
        db.Services.AddRange(All.Select(s => new Service { Name = s.Name, Kind = s.Kind, Agency = s.Agency, MinAge = s.MinAge, MaxAge = s.MaxAge, Areas = s.Areas, Contact = s.Contact }));
        await db.SaveChangesAsync(ct);
    }
}
