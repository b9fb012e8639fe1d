using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// The two EU-funded projects the country programme names, with the money and targets it states: a 2023–2025 project
/// (EU €1.1 m of €1,245,808) with outcomes in six districts, and the community and family-based services project
/// (EU €2,896,681) with its five reach targets. Which districts, the second project's dates and the progress reports
/// are demo choices, and the reports say so in their note.
/// </summary>
public static class DemoProjects
{
    private const string Protection = "EU-CP-2023";
    private const string Community = "EU-CFBS-2024";
    private const string Demo = "Demo figure, not a reported one.";

    public static async Task EnsureAsync(AppDbContext db, int reporterId, CancellationToken ct)
    {
        if (await db.Set<Project>().AnyAsync(p => p.Code == Protection, ct)) return;
        var now = DateTime.UtcNow;
        var protection = new Project
        {
            Code = Protection, NameAz = "Rayonlarda uşaq müdafiəsi xidmətlərinin gücləndirilməsi", NameEn = "Stronger child-protection services in the districts",
            NameRu = "Укрепление служб защиты детей в районах", Funder = "European Union", Currency = "EUR", Budget = 1_245_808m, FunderShare = 1_100_000m,
            Start = new(2023, 1, 1), End = new(2025, 12, 31), Districts = "C-GAN;C-LAN;C-MIN;C-SEK;R-BAR;R-QUB", CreatedAt = now,
        };
        var community = new Project
        {
            Code = Community, NameAz = "İcma və ailə əsaslı xidmətlər", NameEn = "Community and family-based services", NameRu = "Услуги на уровне общин и семей",
            Funder = "European Union", Currency = "EUR", Budget = 2_896_681m, FunderShare = 2_896_681m, Start = new(2024, 1, 1), End = new(2026, 12, 31),
            Districts = "C-GAN;C-LAN;C-MIN;C-SEK;C-SIR;C-SUM;R-BAR;R-QUB", CreatedAt = now,
        };
        db.AddRange(protection, community);
        await db.SaveChangesAsync(ct);

        var outcome1 = Result(protection, null, ResultLevel.Outcome, "1", "Altı rayonda risk altında olan uşaqlar vaxtında müəyyən edilir və dəstək alır",
            "Children at risk in six districts are identified in time and supported", "Дети из групп риска в шести районах вовремя выявляются и получают поддержку");
        var outcome2 = Result(community, null, ResultLevel.Outcome, "1", "Proqram rayonlarında kiçik uşaqlar və yeniyetmələr icma və ailə əsaslı xidmətlərdən istifadə edir",
            "Young children and adolescents in the programme districts use community and family-based services", "Маленькие дети и подростки в районах программы пользуются услугами на уровне общин и семей");
        db.AddRange(outcome1, outcome2);
        await db.SaveChangesAsync(ct);
        var outputs = new[]
        {
            Result(community, outcome2, ResultLevel.Output, "1.1", "Erkən uşaqlıq inkişafı üzrə məsləhət alan kiçik uşaqlar", "Young children reached by early childhood development counselling", "Маленькие дети, охваченные консультированием по раннему развитию"),
            Result(community, outcome2, ResultLevel.Output, "1.2", "Məktəbəqədər təhsilə keçiddə dəstək alan 3–5 yaşlı uşaqlar", "Children aged 3–5 supported into preschool", "Дети 3–5 лет, получившие поддержку при поступлении в дошкольное учреждение"),
            Result(community, outcome2, ResultLevel.Output, "1.3", "Səyyar işlə qiymətləndirilən uşaqlar", "Children assessed through outreach", "Дети, оценённые в ходе выездной работы"),
            Result(community, outcome2, ResultLevel.Output, "1.4", "Xidmət alan əlilliyi olan uşaqlar", "Children with disabilities served", "Дети с инвалидностью, получившие услуги"),
            Result(community, outcome2, ResultLevel.Output, "1.5", "Səkkiz rayonda gənclərə uyğun xidmətlərlə əhatə olunan yeniyetmələr", "Adolescents reached by youth-friendly services in eight districts", "Подростки, охваченные молодёжными услугами в восьми районах"),
        };
        db.AddRange(outputs);
        await db.SaveChangesAsync(ct);
        decimal[] targets = [60_000, 400, 4_000, 200, 3_000];
        for (var i = 0; i < outputs.Length; i++) db.Add(new ResultTarget { ResultId = outputs[i].Id, Place = "AZE", Period = "2026", Value = targets[i] });
        // Counselling in four of the districts, a quarter of the reach each.
        foreach (var d in new[] { "C-GAN", "C-LAN", "C-SEK", "R-BAR" }) db.Add(new ResultTarget { ResultId = outputs[0].Id, Place = d, Period = "2026", Value = 15_000 });
        db.AddRange(
            Report(outputs[0], "AZE", "2024", 18_500, reporterId, now), Report(outputs[0], "AZE", "2025", 41_200, reporterId, now),
            Report(outputs[0], "C-GAN", "2025", 12_900, reporterId, now), Report(outputs[2], "AZE", "2025", 2_650, reporterId, now),
            Report(outputs[3], "AZE", "2025", 140, reporterId, now));
        await db.SaveChangesAsync(ct);
    }

    private static ProjectResult Result(Project p, ProjectResult? parent, ResultLevel level, string code, string az, string en, string ru) => new()
    {
        ProjectId = p.Id, ParentId = parent?.Id, Level = level, Code = code, StatementAz = az, StatementEn = en, StatementRu = ru, Unit = IndicatorUnit.Number,
    };

    private static ResultProgress Report(ProjectResult r, string place, string period, decimal value, int by, DateTime at) =>
        new() { ResultId = r.Id, Place = place, Period = period, Value = value, Note = Demo, ReportedById = by, ReportedAt = at };
}
