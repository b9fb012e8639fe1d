using Himaya.Features.Community;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// One programme of the community services project, as the country programme describes it: early childhood counselling
/// and group sessions in Ganja and Shirvan, with this year's targets of unique children (demo figures) and, when the demo
/// registry holds children, one group session in Ganja that twelve of them attended (its participants, whom the delivering
/// NGO's staff see), and three young Ganja families on
/// the demo worker's home visiting since two months ago (no visit recorded yet: their visits show as due or late).
/// </summary>
public static class DemoCommunity
{
    public const string Name = "ECD counselling and parenting groups (demo)";

    public static async Task EnsureAsync(AppDbContext db, int recorderId, CancellationToken ct)
    {
        if (await db.Set<Programme>().AnyAsync(p => p.Name == Name, ct)) return;
        var now = DateTime.UtcNow;
        var project = await db.Set<Project>().Where(p => p.Code == "EU-CFBS-2024").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var provider = await db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var programme = new Programme
        {
            Name = Name, ProjectId = project, ProviderId = provider, ActivityTypes = $"{ActivityType.CounsellingSession};{ActivityType.GroupSession};{ActivityType.HomeVisit}",
            Districts = "C-GAN;C-SIR", CreatedAt = now, CreatedById = recorderId,
        };
        db.Add(programme);
        await db.SaveChangesAsync(ct);
        var year = now.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        db.AddRange(new ProgrammeTarget { ProgrammeId = programme.Id, DistrictCode = "C-GAN", Period = year, UniqueChildren = 150 },
            new ProgrammeTarget { ProgrammeId = programme.Id, DistrictCode = "C-SIR", Period = year, UniqueChildren = 100 });
        var children = await db.Set<Himaya.Features.Registry.Child>().Where(c => c.DistrictCode == "C-GAN" && c.DeletedAt == null && c.MergedIntoId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(12).ToListAsync(ct);
        if (children.Count > 0)
        {
            var session = new Contact
            {
                Id = Guid.NewGuid(), ProgrammeId = programme.Id, ActivityType = ActivityType.GroupSession, Date = DateOnly.FromDateTime(now).AddDays(-7),
                DistrictCode = "C-GAN", Place = "Ganja family centre (demo)", Topics = "Play and reading at home", At = now, ById = recorderId,
            };
            db.Add(session);
            // A parenting group: most children came with their mother, a few with their father or a grandparent.
            string[] came = [nameof(CaregiverRelation.Mother), nameof(CaregiverRelation.Mother), nameof(CaregiverRelation.Father), nameof(CaregiverRelation.Grandparent)];
            db.AddRange(children.Select((c, n) => new ContactChild { ContactId = session.Id, ChildId = c, Caregivers = came[n % came.Length] }));
            db.AddRange(children.Select(c => new Participant { ProgrammeId = programme.Id, ChildId = c, At = now, ById = recorderId }));
        }
        var today = DateOnly.FromDateTime(now);
        var (youngest, oldest) = (today.AddMonths(-1), today.AddYears(-5));
        var families = await db.Set<Himaya.Features.Registry.Child>()
            .Where(c => c.DistrictCode == "C-GAN" && c.DeletedAt == null && c.MergedIntoId == null && c.BirthDate <= youngest && c.BirthDate > oldest)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync(ct);
        db.AddRange(families.Except(children).Select(c => new Participant { ProgrammeId = programme.Id, ChildId = c, At = now, ById = recorderId }));
        db.AddRange(families.Select(c => new HomeVisitEnrolment
        {
            Id = Guid.CreateVersion7(), ProgrammeId = programme.Id, ChildId = c, DistrictCode = "C-GAN", WorkerId = recorderId, EnrolledOn = today.AddDays(-60), At = now, ById = recorderId,
        }));
        await db.SaveChangesAsync(ct);
    }
}
