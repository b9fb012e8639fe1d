using Himaya.Platform;
using Himaya.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>The register's residential care institutions, by name, for the placement form to suggest (the register is public knowledge).</summary>
public sealed class InstitutionNames(AppDbContext db) : IRegisteredPlaces
{
    public async Task<IReadOnlyList<string>> CareNamesAsync(CancellationToken ct) =>
        await db.Set<Institution>().AsNoTracking()
            .Where(i => i.Kind != InstitutionKind.PreTrialDetention && i.Kind != InstitutionKind.CorrectionalFacility)
            .OrderBy(i => i.Name).Select(i => i.Name).Take(1000).ToListAsync(ct);
}
