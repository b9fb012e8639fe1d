using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Cases;
using Himaya.Features.Coverage;
using Himaya.Features.Deprivation;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class ComputedSourcesOnSqlite(SqliteApp app) : ComputedSourcesTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class ComputedSourcesOnPostgres(PostgresApp app) : ComputedSourcesTests(app);

/// <summary>
/// The indicators other features compute for monitoring, each against a direct count of its definition: children with a
/// functional difficulty who received a service (Coverage), and M0 and H read from the latest stored deprivation run.
/// </summary>
public abstract class ComputedSourcesTests(HimayaApp app)
{
    private static string Year => DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> ValuesAsync(string code, string? year = null) =>
        [.. (await (await (await app.ClientForAsync("analyst")).GetAsync($"/api/v1/indicators/{code}/values?from={year ?? Year}&to={year ?? Year}")).JsonAsync())
            .GetProperty("values").EnumerateArray()];

    [Fact]
    public async Task Community_services_outputs_count_distinct_children_reached_this_year_as_the_contacts_say()
    {
        // Six Ganja children at two psychosocial sessions (one child at both, one a merged duplicate of another): five children.
        var worker = await app.ClientForAsync("worker.ganja");
        var made = await (await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/programmes",
            new { name = "MHPSS groups " + Guid.NewGuid().ToString("N")[..4], activityTypes = new[] { "MhpssSession" }, districts = new[] { "C-GAN" } })).JsonAsync();
        var programme = made.GetProperty("id").GetInt32();
        var kids = new List<Guid>();
        for (var n = 0; n < 6; n++) kids.Add((await TestData.CreateChildAsync(worker, TestData.Child(surname: "Dəstəkli"))).GetProperty("id").GetGuid());
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await worker.PostAsJsonAsync($"/api/v1/programmes/{programme}/contacts", new { activityType = "MhpssSession", date = today, districtCode = "C-GAN", children = kids.Take(4) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsJsonAsync($"/api/v1/programmes/{programme}/contacts", new { activityType = "MhpssSession", date = today, districtCode = "C-GAN", children = kids.Skip(3) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await using (var db = app.NewDbContext())
        {
            (await db.Children.SingleAsync(c => c.Id == kids[5])).MergedIntoId = kids[4];
            await db.SaveChangesAsync();
        }
        (await (await app.ClientForAsync("analyst")).PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The direct count of the definition, over every MHPSS contact of the year (other tests add theirs).
        Dictionary<string, int> direct;
        await using (var db = app.NewDbContext())
        {
            var first = new DateOnly(DateTime.UtcNow.Year, 1, 1);
            var met = await (from c in db.Set<Himaya.Features.Community.Contact>()
                             where c.ActivityType == Himaya.Features.Community.ActivityType.MhpssSession && c.Date >= first
                             join cc in db.Set<Himaya.Features.Community.ContactChild>() on c.Id equals cc.ContactId
                             join child in db.Children on cc.ChildId equals child.Id
                             select new { c.DistrictCode, Child = child.MergedIntoId ?? child.Id }).ToListAsync();
            direct = met.GroupBy(m => m.DistrictCode).ToDictionary(g => g.Key, g => g.Select(m => m.Child).Distinct().Count());
            direct["AZE"] = met.Select(m => m.Child).Distinct().Count();
        }
        direct["C-GAN"].ShouldBeGreaterThanOrEqualTo(5);
        var values = await ValuesAsync("HIMAYA_COM_MHPSS_REACHED");
        values.Select(v => (v.GetProperty("place").GetString()!, (int)v.GetProperty("value").GetDecimal()))
            .ShouldBe(direct.Where(d => d.Key == "AZE" || d.Value >= 5).Select(d => (d.Key, d.Value)), ignoreOrder: true);
    }

    [Fact]
    public async Task Children_with_a_functional_difficulty_served_in_the_last_year_are_counted_as_the_registry_and_referrals_say()
    {
        // A Ganja child with a difficulty (seeing: a lot) whose case had a referral delivered last week.
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = (await TestData.CreateChildAsync(worker, TestData.Child(surname: "Xidmətli"))).GetProperty("id").GetString()!;
        var caseId = (await (await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Support", concerns = new[] { "neglect" }, risk = "Low" })).JsonAsync())
            .GetProperty("id").GetString()!;
        await using (var db = app.NewDbContext())
        {
            var service = await db.Set<Himaya.Features.Services.Service>().Select(s => s.Id).FirstAsync();
            var worker1 = await db.Users.Where(u => u.UserName == "worker.ganja").Select(u => u.Id).SingleAsync();
            var week = DateTime.UtcNow.AddDays(-7);
            db.Add(new Referral
            {
                Id = Guid.NewGuid(), CaseId = Guid.Parse(caseId), ServiceId = service, Reason = "Glasses", ConsentGiven = true, ConsentBy = "Mother",
                ConsentOn = DateOnly.FromDateTime(week), Status = ReferralStatus.Delivered, SentAt = week, SentById = worker1, RespondBy = week.AddDays(3), DeliveredAt = week.AddDays(1),
            });
            await db.SaveChangesAsync();
        }
        (await (await app.ClientForAsync("analyst")).PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Dictionary<string, (int All, int Served)> direct;
        await using (var db = app.NewDbContext())
        {
            var since = DateTime.UtcNow.AddYears(-1);
            var served = await db.Set<Referral>().Where(r => r.DeliveredAt >= since || r.CompletedAt >= since)
                .Join(db.Set<Himaya.Features.Cases.Case>(), r => r.CaseId, c => c.Id, (r, c) => c.ChildId).Distinct().ToListAsync();
            var children = await db.Children.Where(c => c.DeletedAt == null && c.MergedIntoId == null && c.HasFunctionalDifficulty)
                .Select(c => new { c.Id, c.DistrictCode }).ToListAsync();
            direct = children.GroupBy(c => c.DistrictCode).ToDictionary(g => g.Key, g => (g.Count(), g.Count(c => served.Contains(c.Id))));
            direct["AZE"] = (children.Count, children.Count(c => served.Contains(c.Id)));
        }
        direct["C-GAN"].Served.ShouldBeGreaterThan(0);
        var values = await ValuesAsync(ServedIndicators.DifficultyServed);
        values.ShouldContain(v => v.GetProperty("place").GetString() == "AZE");
        foreach (var v in values)
        {
            var place = v.GetProperty("place").GetString()!;
            var (all, served) = direct[place];
            v.GetProperty("value").GetDecimal().ShouldBe(Math.Round(100m * served / all, 1));
            (place == "AZE" || all >= 5).ShouldBeTrue("a district of fewer than five children is not shown");
        }
    }

    [Fact]
    public async Task M0_and_the_headcount_are_read_from_the_latest_stored_national_run_for_the_year_its_data_were_read()
    {
        var analyst = await app.ClientForAsync("analyst");
        var stored = await analyst.PostAsJsonAsync("/api/v1/deprivation/runs", new { by = new[] { "district" }, k = new[] { 1.0, 2.0 }, label = "For monitoring" });
        stored.StatusCode.ShouldBe(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
        var run = await stored.JsonAsync();
        var result = await (await analyst.GetAsync($"/api/v1/deprivation/runs/{run.GetProperty("id").GetString()}")).JsonAsync();
        var dataYear = run.GetProperty("dataAsOf").GetDateTime().Year.ToString(CultureInfo.InvariantCulture);
        (await analyst.PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        static JsonElement AtTwo(JsonElement e) => e.GetProperty("byK").EnumerateArray().Single(k => k.GetProperty("k").GetDouble() == 2);
        var m0 = await ValuesAsync(DeprivationIndicators.M0, dataYear);
        var h = await ValuesAsync(DeprivationIndicators.Headcount, dataYear);
        m0.Single(v => v.GetProperty("place").GetString() == "AZE").GetProperty("value").GetDecimal()
            .ShouldBe(Math.Round((decimal)AtTwo(result).GetProperty("M0").GetDouble(), 4));
        h.Single(v => v.GetProperty("place").GetString() == "AZE").GetProperty("value").GetDecimal()
            .ShouldBe(Math.Round((decimal)AtTwo(result).GetProperty("H").GetDouble() * 100, 1));
        // Each district the run holds on its own, with its own figures; a district of fewer than five children is not shown.
        var groups = result.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("by").GetProperty("district").GetString()!);
        foreach (var v in m0.Where(v => v.GetProperty("place").GetString() != "AZE"))
        {
            var g = groups[v.GetProperty("place").GetString()!];
            v.GetProperty("value").GetDecimal().ShouldBe(Math.Round((decimal)AtTwo(g).GetProperty("M0").GetDouble(), 4));
            g.GetProperty("n").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
        }
        var list = await (await analyst.GetAsync("/api/v1/indicators")).JsonAsync();
        list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == DeprivationIndicators.M0).GetProperty("definition").GetString()!
            .ShouldContain("k = 2");
    }
}
