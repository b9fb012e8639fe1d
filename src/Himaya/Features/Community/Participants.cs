using System.Globalization;
using Himaya.Features.Registry;
using Himaya.Linkage;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// A programme's participants. A registered child is added by id; a child met at a session is typed in (names, birth
/// date, sex, district) and looked for in the whole registry with the intake matching first: the same child found for
/// certain is added as the record it is, probable ones are shown (the user's own by name, others only by district), and
/// only then is a new record registered. Everything in one transaction with its audit line.
/// </summary>
public sealed class Participants(AppDbContext db, AuditLog audit, Programmes programmes, ChildRecords records, IntakeMatching matching, AdminUnits units, TimeProvider clock)
{
    /// <summary>From this probability on (with the same birth date and sex), the child typed in is taken as the registered one.</summary>
    public const double SameChild = 0.95;
    public const int MaxListed = 500;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ParticipantView>> AddAsync(CurrentUser user, int programmeId, ParticipantInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<ParticipantView>.Forbidden();
        if (await programmes.FindAsync(programmeId, ct) is not var (p, provider)) return new Outcome<ParticipantView>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<ParticipantView>.Forbidden(CommunityErrors.NotYourProgramme());
        var e = new FieldErrors();
        if (r.ChildId is { } id)
        {
            var child = await db.Reachable(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (child is null) return new Outcome<ParticipantView>.Invalid(e.Add(CommunityErrors.UnknownChild("childId")));
            return await JoinAsync(user, p, child, registered: false, "added", ct);
        }
        if (!user.Can(Permission.RegisterParticipants)) return new Outcome<ParticipantView>.Forbidden();
        var input = Typed(r, p, user, e);
        if (!e.IsEmpty) return new Outcome<ParticipantView>.Invalid(e);
        var (scored, compared) = await matching.ScoreAsync(input, ct);
        var probable = scored.Where(x => x.P >= IntakeMatching.ShowFrom).Take(IntakeMatching.MaxShown).ToList();
        var mine = probable.Count == 0 ? [] : await db.Reachable(user).Where(c => probable.Select(x => x.C.Id).Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.MatchCheck, "child", null, string.Create(CultureInfo.InvariantCulture,
            $"programme {p.Id} participant; candidates={compared}; shown={string.Join(',', probable.Select(x => x.C.Id.ToString("N")))}")), ct);
        if (Sure([.. probable.Select(x => (x.P, x.C.BirthDate, x.C.Sex))], input.BirthDate, input.Sex))
        {
            var found = await db.Children.AsNoTracking().FirstAsync(c => c.Id == probable[0].C.Id, ct);
            return await JoinAsync(user, p, found, registered: false, "matched", ct);
        }
        if (probable.Count > 0 && r.ConfirmNew != true)
            return Outcome<ParticipantView>.Refused(CommunityErrors.ProbableMatch(), probable.Select(x => mine.Contains(x.C.Id)
                ? new ProbableMatch(Math.Round(x.P, 4), x.C.DistrictCode, x.C.Id, $"{x.C.Surname} {x.C.GivenName} {x.C.Patronymic}".Trim(), x.C.BirthDate)
                : new ProbableMatch(Math.Round(x.P, 4), x.C.DistrictCode)).ToList());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (await records.RegisterParticipantAsync(user, input, ct))
        {
            case Outcome<Child>.Ok ok:
                var view = await JoinAsync(user, p, ok.Value, registered: true, "registered", ct);
                await tx.CommitAsync(ct);
                return view;
            case Outcome<Child>.Invalid bad: return new Outcome<ParticipantView>.Invalid(bad.Errors);
            case Outcome<Child>.Conflict c: return new Outcome<ParticipantView>.Conflict(c.Field, c.Message, c.Current, c.Refusal);
            default: return new Outcome<ParticipantView>.Forbidden();
        }
    }

    /// <summary>
    /// Whether the most probable record (first of <paramref name="probable"/>) is taken as the child typed in: the model
    /// sure of it alone, and the birth date and sex the same as typed — a rare name alone can make the model sure of a
    /// child born a year apart, which a person should look at.
    /// </summary>
    public static bool Sure(IReadOnlyList<(double P, DateOnly BirthDate, Sex Sex)> probable, DateOnly? birth, Sex? sex) =>
        probable.Count > 0 && probable[0].P >= SameChild && (probable.Count == 1 || probable[1].P < SameChild)
        && probable[0].BirthDate == birth && probable[0].Sex == sex;

    /// <summary>The registration the fields typed in make, with the programme's own checks (its district, the user's area).</summary>
    private ChildInput Typed(ParticipantInput r, Programme p, CurrentUser user, FieldErrors e)
    {
        var sex = QueryParse.RequiredEnum<Sex>(e, "sex", r.Sex?.Trim());
        var care = string.IsNullOrWhiteSpace(r.CareArrangement) ? CareArrangement.Parents : QueryParse.Enum<CareArrangement>(e, "careArrangement", r.CareArrangement.Trim());
        var input = new ChildInput
        {
            GivenName = r.GivenName?.Trim(), Surname = r.Surname?.Trim(), Patronymic = string.IsNullOrWhiteSpace(r.Patronymic) ? null : r.Patronymic.Trim(),
            BirthDate = r.BirthDate, Sex = sex, DistrictCode = r.DistrictCode?.Trim(), CareArrangement = care ?? CareArrangement.Parents,
        };
        // The sex as sent is read above (an unknown one named as such); the registry's rules check the rest.
        e.AddFrom(ChildValidator.Validate(input, units, DateOnly.FromDateTime(Now), isUpdate: false), x => x.Field != "sex");
        if (input.DistrictCode is { Length: > 0 } d && units.IsDistrict(d))
        {
            if (!p.DistrictList.Contains(d)) e.Add(CommunityErrors.DistrictNotCovered(d));
            else if (!RegistryScope.MayPlaceIn(user, d)) e.Add(CommunityErrors.OutsideArea(d));
        }
        return input;
    }

    private async Task<Outcome<ParticipantView>> JoinAsync(CurrentUser user, Programme p, Child child, bool registered, string outcome, CancellationToken ct)
    {
        if (await db.Set<Participant>().AnyAsync(x => x.ProgrammeId == p.Id && x.ChildId == child.Id, ct))
            return new Outcome<ParticipantView>.Ok(View(child, registered: false, "already"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Add(new Participant { ProgrammeId = p.Id, ChildId = child.Id, RegisteredHere = registered, At = Now, ById = user.Id });
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "programme-participant", $"{p.Id}:{child.Id:D}", outcome), ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Outcome<ParticipantView>.Ok(View(child, registered, outcome));
    }

    /// <summary>The programme's participants the user may work with, by district and name (the attendance list of a provider's staff).</summary>
    public async Task<Outcome<IReadOnlyList<ParticipantView>>> ListAsync(CurrentUser user, int programmeId, string? district, string? q, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<IReadOnlyList<ParticipantView>>.Forbidden();
        if (await programmes.FindAsync(programmeId, ct) is not var (p, provider)) return new Outcome<IReadOnlyList<ParticipantView>>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<IReadOnlyList<ParticipantView>>.Forbidden(CommunityErrors.NotYourProgramme());
        var rows = from pa in db.Set<Participant>().Where(x => x.ProgrammeId == p.Id)
                   join c in db.Reachable(user) on pa.ChildId equals c.Id
                   select new { pa.RegisteredHere, Child = c };
        if (!string.IsNullOrWhiteSpace(district)) rows = rows.Where(x => x.Child.DistrictCode == district.Trim());
        var name = NameFolding.Fold(q);
        if (name.Length > 0) rows = rows.Where(x => x.Child.SurnameKey.StartsWith(name) || x.Child.GivenNameKey.StartsWith(name));
        var list = await rows.OrderBy(x => x.Child.Surname).ThenBy(x => x.Child.GivenName).Take(MaxListed).AsNoTracking().ToListAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "programme-participant", null,
            $"programme {p.Id}; ids={string.Join(',', list.Select(x => x.Child.Id.ToString("N")))}"), ct);
        return new Outcome<IReadOnlyList<ParticipantView>>.Ok([.. list.Select(x => View(x.Child, x.RegisteredHere))]);
    }

    private static ParticipantView View(Child c, bool registered, string? outcome = null) =>
        new(c.Id, c.Surname, c.GivenName, c.Patronymic, c.BirthDate, c.Sex, c.DistrictCode, registered, outcome);
}
