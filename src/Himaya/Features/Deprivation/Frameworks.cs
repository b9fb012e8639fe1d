using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

public sealed record FrameworkVersion(string Name, string Version, bool BuiltIn, DateTime? CreatedAt);

/// <summary>
/// The deprivation frameworks: the built-in Azerbaijan framework (az-moda, version 1) and the versions administrators and
/// analysts save. A version is never changed; saving a framework under an existing name makes its next version, which
/// becomes the one analyses use unless they name a version. Results always say which version produced them.
/// </summary>
public sealed class Frameworks(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DefaultName = "az-moda";
    /// <summary>The longest definition saved (its text <c>Error.framework.definition-too-long</c> names it).</summary>
    public const int MaxDefinitionChars = 200_000;

    public async Task<List<FrameworkVersion>> ListAsync(CancellationToken ct)
    {
        var stored = await db.DeprivationFrameworks.AsNoTracking().OrderBy(f => f.Name).ThenByDescending(f => f.Version)
            .Select(f => new { f.Name, f.Version, f.CreatedAt }).ToListAsync(ct);
        return [.. stored.Select(f => new FrameworkVersion(f.Name, f.Version.ToString(CultureInfo.InvariantCulture), false, f.CreatedAt))
            .Append(new FrameworkVersion(DefaultName, RegistryFramework.Azerbaijan.Version, true, null))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ThenByDescending(f => int.Parse(f.Version, CultureInfo.InvariantCulture))];
    }

    /// <summary>A framework by name (default az-moda) and version (default: its latest); null when there is no such framework.</summary>
    public async Task<RegistryFramework?> FindAsync(string? name, string? version, CancellationToken ct)
    {
        name = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        int? wanted = null;
        if (!string.IsNullOrWhiteSpace(version))
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return null;
            wanted = v;
        }
        var stored = await db.DeprivationFrameworks.AsNoTracking().Where(f => f.Name == name && (wanted == null || f.Version == wanted))
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);
        if (stored is not null) return RegistryFrameworkJson.Parse(stored.Definition, stored.Version.ToString(CultureInfo.InvariantCulture)).Framework;
        return name == DefaultName && (wanted is null || wanted.ToString() == RegistryFramework.Azerbaijan.Version) ? RegistryFramework.Azerbaijan : null;
    }

    public async Task<Outcome<FrameworkVersion>> SaveAsync(CurrentUser user, string? json, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageFrameworks)) return new Outcome<FrameworkVersion>.Forbidden();
        if (string.IsNullOrWhiteSpace(json)) return new Outcome<FrameworkVersion>.Invalid(new FieldErrors().Add(DeprivationErrors.DefinitionRequired()));
        if (json.Length > MaxDefinitionChars) return new Outcome<FrameworkVersion>.Invalid(new FieldErrors().Add(DeprivationErrors.DefinitionTooLong()));
        var (parsed, errors) = RegistryFrameworkJson.Parse(json, "0");
        if (parsed is null)
        {
            var e = new FieldErrors();
            foreach (var m in errors) e.Add(DeprivationErrors.InvalidDefinition("definition", m));
            return new Outcome<FrameworkVersion>.Invalid(e);
        }
        var latest = await db.DeprivationFrameworks.Where(f => f.Name == parsed.Id).MaxAsync(f => (int?)f.Version, ct) ?? (parsed.Id == DefaultName ? 1 : 0);
        var stored = new StoredFramework
        {
            Name = parsed.Id, Version = latest + 1, Definition = RegistryFrameworkJson.Write(parsed), CreatedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.DeprivationFrameworks.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same name at the same moment: the unique (name, version) index refused the second.
            return Outcome<FrameworkVersion>.Refused(DeprivationErrors.FrameworkSavedAtSameMoment());
        }
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Update, "deprivation-framework", $"{stored.Name}/{stored.Version}", "framework saved"), ct);
        return new Outcome<FrameworkVersion>.Ok(new FrameworkVersion(stored.Name, stored.Version.ToString(CultureInfo.InvariantCulture), false, stored.CreatedAt));
    }

    /// <summary>A framework that could not be found: named on the framework field and, when one was asked for, on the version.</summary>
    public static FieldErrors NotFound(string? version, string field = "framework")
    {
        var e = new FieldErrors().Add(DeprivationErrors.FrameworkNotFound(field));
        if (!string.IsNullOrWhiteSpace(version)) e.Add(DeprivationErrors.FrameworkNotFound("version"));
        return e;
    }
}
