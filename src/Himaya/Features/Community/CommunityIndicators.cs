using Himaya.Features.Monitoring;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// The community services' outputs as monitoring indicators: distinct children reached this calendar year by all
/// programmes' contacts, by kind of service, for the nation and each district where they were met (a child met in two
/// districts counts in each and once for the nation; a merged duplicate as its record) — the figures the project's
/// results framework reports (children reached by ECD counselling, outreach assessment, youth services, MHPSS…).
/// </summary>
public sealed class CommunityIndicators(AppDbContext db) : IIndicatorSource
{
    /// <summary>One output: its code, names, definition, the activities counted, and whom (by age on the day, difficulty).</summary>
    private sealed record Output(string Code, IndicatorNames Name, IndicatorNames Definition, ActivityType[] Activities, int? UnderAge = null, bool DifficultyOnly = false);

    private static readonly Output[] Outputs =
    [
        new("HIMAYA_COM_ECD_REACHED", new("Erkən uşaqlıq inkişafı üzrə məsləhətlə əhatə olunan uşaqlar", "Young children reached by early childhood development counselling", "Дети раннего возраста, охваченные консультированием по раннему развитию"),
            new("Bu il məsləhət seansı və ya ev səfəri ilə əhatə olunan, hesablama günü altı yaşınadək fərqli uşaqlar (təkrar kontaktlar bir dəfə).", "Different children under six on the day of computing met this year by a counselling session or a home visit (repeated contacts once).", "Разные дети младше шести лет на день расчёта, охваченные в этом году консультацией или посещением на дому (повторные контакты — один раз)."),
            [ActivityType.CounsellingSession, ActivityType.HomeVisit], UnderAge: 6),
        new("HIMAYA_COM_PRESCHOOL_SUPPORTED", new("Məktəbəqədər təhsilə hazırlıqla dəstəklənən uşaqlar", "Children supported into preschool", "Дети, получившие поддержку для поступления в дошкольное учреждение"),
            new("Bu il məktəbəqədər hazırlıq dəstəyi alan fərqli uşaqlar.", "Different children given preschool-readiness support this year.", "Разные дети, получившие в этом году поддержку подготовки к дошкольному учреждению."),
            [ActivityType.PreschoolSupport]),
        new("HIMAYA_COM_OUTREACH_ASSESSED", new("Səyyar qiymətləndirmədən keçən uşaqlar", "Children assessed through outreach", "Дети, оценённые в ходе выездной работы"),
            new("Bu il səyyar qiymətləndirmə (kontakt və ya skrininq) ilə əhatə olunan fərqli uşaqlar.", "Different children met this year by an outreach assessment (a contact or a screening).", "Разные дети, охваченные в этом году выездной оценкой (контакт или скрининг)."),
            [ActivityType.OutreachAssessment]),
        new("HIMAYA_COM_YOUTH_REACHED", new("Gənclərə dost xidmətlərlə əhatə olunan yeniyetmələr", "Adolescents reached by youth-friendly services", "Подростки, охваченные дружественными молодёжи услугами"),
            new("Bu il gənclər mərkəzi məşğələsi ilə əhatə olunan fərqli uşaqlar.", "Different children met this year by a youth centre session.", "Разные дети, охваченные в этом году занятием молодёжного центра."),
            [ActivityType.YouthSession]),
        new("HIMAYA_COM_MHPSS_REACHED", new("Psixi sağlamlıq və psixososial dəstək alan uşaqlar", "Children reached by mental health and psychosocial support", "Дети, получившие психологическую и психосоциальную поддержку"),
            new("Bu il psixososial dəstək seansı ilə əhatə olunan fərqli uşaqlar.", "Different children met this year by a psychosocial support session.", "Разные дети, охваченные в этом году сеансом психосоциальной поддержки."),
            [ActivityType.MhpssSession]),
        new("HIMAYA_COM_DISABILITY_SERVED", new("İcma xidmətləri alan funksional çətinliyi olan uşaqlar", "Children with disabilities served by community services", "Дети с инвалидностью, получившие услуги в общинах"),
            new("Bu il istənilən icma proqramı ilə əhatə olunan, reyestrdə funksional çətinliyi qeyd olunmuş fərqli uşaqlar.", "Different children recorded in the registry with a functional difficulty, met this year by any community programme.", "Разные дети с отмеченными в реестре функциональными трудностями, охваченные в этом году любой программой в общинах."),
            Enum.GetValues<ActivityType>(), DifficultyOnly: true),
    ];

    /// <summary>The indicators a programme running these activities feeds (its programme page links them).</summary>
    public static IReadOnlyList<(string Code, IndicatorNames Name)> FedBy(IEnumerable<ActivityType> activities) =>
        [.. Outputs.Where(o => o.Activities.Intersect(activities).Any()).Select(o => (o.Code, o.Name))];

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var (first, last) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        // The distinct (activity, district, child) of the year first, then each child's record once per triple.
        var met = (from c in db.Set<Contact>()
                   where c.Date >= first && c.Date <= last
                   join cc in db.Set<ContactChild>() on c.Id equals cc.ContactId
                   select new { c.ActivityType, c.DistrictCode, cc.ChildId }).Distinct();
        var rows = await (from m in met
                          join child in db.Children on m.ChildId equals child.Id
                          where child.DeletedAt == null || child.MergedIntoId != null
                          select new { m.ActivityType, m.DistrictCode, Child = child.MergedIntoId ?? child.Id, child.BirthDate, child.HasFunctionalDifficulty })
            .AsNoTracking().ToListAsync(ct);
        return [.. Outputs.Select(o =>
        {
            var counted = rows.Where(r => o.Activities.Contains(r.ActivityType) && (!o.DifficultyOnly || r.HasFunctionalDifficulty)
                && (o.UnderAge is null || Child.AgeOn(r.BirthDate, today) < o.UnderAge.Value)).ToList();
            var places = counted.GroupBy(r => r.DistrictCode).Select(g => new SourcedValue(g.Key, g.Select(r => r.Child).Distinct().Count(), g.Select(r => r.Child).Distinct().Count()))
                .Prepend(new SourcedValue(IndicatorStore.Nation, counted.Select(r => r.Child).Distinct().Count(), 0))
                .OrderBy(v => v.Place, StringComparer.Ordinal).ToList();
            return new SourcedIndicator(o.Code, o.Name, o.Definition, IndicatorUnit.Number, IndicatorDirection.HigherIsBetter, places);
        })];
    }
}
