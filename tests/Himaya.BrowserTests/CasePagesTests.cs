using System.Net.Http.Json;
using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

/// <summary>Case management in the browser: the main path from opening to closure across three people, and a conflict.</summary>
public sealed class CasePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<string> RegisterChildAsync(IPage page, string surname, string given)
    {
        await page.GotoAsync("/children/new");
        await page.GetByLabel("Surname").FillAsync(surname);
        await page.GetByLabel("Given name").FillAsync(given);
        await page.GetByLabel("Sex").SelectOptionAsync("F");
        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Care arrangement").SelectOptionAsync("Kinship");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await BrowserSteps.ConfirmNewChildAsync(page);
        return page.Url.Split('?')[0];
    }

    private static async Task<string> OpenCaseAsync(IPage page, string childUrl, string risk)
    {
        await page.GotoAsync(childUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a case" }).ClickAsync();
        await page.GetByLabel("Reason for opening").FillAsync("Teacher reports the child comes to school hungry");
        await page.GetByLabel("Neglect").CheckAsync();
        await page.GetByLabel("Risk level").SelectOptionAsync(risk);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a case" }).ClickAsync();
        await Reached(page, new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}\\?done=opened"));
        return page.Url.Split('?')[0];
    }

    private static ILocator Stage(IPage page) => page.Locator("#case-stage");

    [Fact]
    public async Task A_case_goes_from_opening_to_closure_with_the_supervisor_approving_and_an_ngo_completing_the_referral()
    {
        var worker = await app.SignedInPageAsync("worker.ganja");
        var childUrl = await RegisterChildAsync(worker, "Qəhrəmanova", "Aynur");
        var caseUrl = await OpenCaseAsync(worker, childUrl, "High");
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "InitialAssessment");
        await Assertions.Expect(worker.Locator(".stepper li.current")).ToHaveTextAsync("Initial assessment");
        await Shot(worker, "case-opened");

        // A step sent incomplete (past the browser's own checks) is refused by the server beside its fields; nothing moves.
        await worker.EvalOnSelectorAsync("#initial-form", "f => f.noValidate = true");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the initial assessment" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#summary-error")).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator("#childSafe-error")).ToBeVisibleAsync();
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "InitialAssessment");
        await worker.GetByLabel("What was found (initial assessment)").FillAsync("Lives with grandmother; little food at home");
        await worker.GetByLabel("Is the child safe now?").SelectOptionAsync("true");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the initial assessment" }).ClickAsync();
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "ComprehensiveAssessment");

        await worker.GetByLabel("Family situation").FillAsync("Grandmother (68) cares for two grandchildren; parents work in Russia");
        foreach (var d in new[] { "health", "education", "emotional", "relationships", "safety", "identity", "selfCare", "living" })
            await worker.Locator($"[id='f-wellbeing.{d}']").SelectOptionAsync("3");
        await worker.Locator("#f-risks").FillAsync("Not enough food; grandmother's health");
        await worker.GetByLabel("Strengths").FillAsync("Loving grandmother; good at school");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the comprehensive assessment" }).ClickAsync();
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "CasePlan");

        await worker.GetByLabel("Goal 1", new() { Exact = true }).FillAsync("The household has enough food");
        await worker.GetByLabel("Action 1", new() { Exact = true }).FillAsync("Apply for targeted social assistance");
        await worker.GetByLabel("Responsible person or service 1", new() { Exact = true }).FillAsync("worker.ganja");
        await worker.GetByLabel("Due date 1", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Send the plan for approval" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#case-pending")).ToHaveTextAsync("plan waiting for approval");
        await Shot(worker, "case-plan-sent");

        // The supervisor finds the decision in their work and approves.
        var supervisor = await app.SignedInPageAsync("supervisor.ganja");
        await supervisor.GotoAsync("/my-work");
        await supervisor.Locator($"#my-work a[href='{new Uri(caseUrl).AbsolutePath}']", new() { HasText = "Decide on a case plan" }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(Stage(supervisor)).ToHaveAttributeAsync("data-stage", "Implementation");
        await Assertions.Expect(supervisor.Locator("#plan-table")).ToContainTextAsync("Apply for targeted social assistance");

        // The worker refers the child to the NGO's psychosocial support, with consent.
        await worker.GotoAsync(caseUrl);
        await worker.GetByText("Refer to a service").ClickAsync();
        // The picker: services that cannot take this child are folded away with the reason and cannot be chosen; a type
        // filter narrows the rest; free places are shown.
        await worker.Locator(".picker-others summary").ClickAsync();
        await Assertions.Expect(worker.Locator(".picker-others li", new() { HasText = "Shirvan family support centre" })).ToContainTextAsync("does not serve");
        (await worker.Locator(".picker-others input[type=radio]:not([disabled])").CountAsync()).ShouldBe(0);
        await Assertions.Expect(worker.Locator("#picker-serving li", new() { HasText = "psychosocial support (MHPSS)" })).ToContainTextAsync("6 free places");
        await worker.Locator("#picker-type").SelectOptionAsync("mhpss");
        await Assertions.Expect(worker.Locator("#picker-serving li", new() { HasText = "Free legal aid" })).ToBeHiddenAsync();
        await worker.Locator("#picker-serving label", new() { HasText = "psychosocial support (MHPSS)" }).ClickAsync();
        await worker.GetByLabel("Reason for referral").FillAsync("Sad and withdrawn since the parents left");
        await worker.EvalOnSelectorAsync("#refer-form", "f => f.noValidate = true");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#consentGiven-error")).ToBeVisibleAsync();
        await worker.GetByLabel("Informed consent was given").CheckAsync();
        await worker.GetByLabel("Consent given by").FillAsync("Grandmother, Zəhra Qəhrəmanova");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#referrals-table tr[data-status='Sent']")).ToBeVisibleAsync();

        // The NGO accepts, records delivery and completes it.
        var ngo = await app.SignedInPageAsync("ngo.ganja");
        await ngo.GotoAsync("/referrals");
        var row = ngo.Locator("#referrals-list tr", new() { HasText = "Qəhrəmanova Aynur" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Accepted");
        await row.GetByLabel("Reason, what was delivered, or outcome").FillAsync("Six sessions of group play therapy");
        await row.GetByRole(AriaRole.Button, new() { Name = "Record delivery" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Delivered");
        await row.GetByLabel("Reason, what was delivered, or outcome").FillAsync("Talks about her parents, sleeps well");
        await row.GetByRole(AriaRole.Button, new() { Name = "Complete with outcome" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Completed");
        await Shot(ngo, "referrals-ngo");

        // The worker sees each step, and asks to close; the supervisor approves.
        await worker.GotoAsync(caseUrl);
        await Assertions.Expect(worker.Locator("#referrals-table tr[data-status='Completed']")).ToContainTextAsync("sleeps well");
        await worker.GetByText("Ask to close the case").First.ClickAsync();
        await worker.GetByLabel("Reason for closing").SelectOptionAsync("goals-achieved");
        await worker.GetByLabel("Outcome for the child").FillAsync("Receives TSA; emotionally stable");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ask to close the case" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#case-pending")).ToHaveTextAsync("closure waiting for approval");
        await supervisor.GotoAsync(caseUrl);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(Stage(supervisor)).ToHaveAttributeAsync("data-stage", "Closed");
        await Assertions.Expect(supervisor.Locator("#case-history tr[data-kind='referral-completed']")).ToBeVisibleAsync();
        await Shot(supervisor, "case-closed");

        // The same page in Azerbaijani and Russian.
        await supervisor.GotoAsync("/language?culture=az&returnUrl=" + Uri.EscapeDataString(new Uri(caseUrl).AbsolutePath));
        await Assertions.Expect(supervisor.Locator(".stepper li.current")).ToHaveTextAsync("Bağlanıb");
        await Assertions.Expect(supervisor.Locator("#case-history tr[data-kind='referral-completed']")).ToContainTextAsync("Yönləndirmə tamamlandı");
        await Shot(supervisor, "case-closed-az");
        await supervisor.GotoAsync("/language?culture=ru&returnUrl=" + Uri.EscapeDataString(new Uri(caseUrl).AbsolutePath));
        await Assertions.Expect(supervisor.Locator(".stepper li.current")).ToHaveTextAsync("Закрыто");
    }

    [Fact]
    public async Task A_transfer_to_another_team_waits_for_its_answer_and_the_sender_can_withdraw_it()
    {
        // A supervisor in Shirvan to send the case to (made through the API, as an administrator would).
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = BrowserApp.Password });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
        var name = "supervisor.sir" + Guid.NewGuid().ToString("N")[..4];
        (await http.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Shirvan supervisor", agency = "Social Services Centre", roles = new[] { "Supervisor" },
            scopeKind = "Areas", scopeAreas = new[] { "C-SIR" }, password = BrowserApp.Password })).EnsureSuccessStatusCode();

        var worker = await app.SignedInPageAsync("worker.ganja");
        var caseUrl = await OpenCaseAsync(worker, await RegisterChildAsync(worker, "Bağırzadə", "Ülviyyə"), "Low");
        await worker.GetByText("Transfer the case").ClickAsync();
        var to = worker.GetByLabel("Receiving supervisor (their team takes the case)");
        await to.SelectOptionAsync((await to.Locator("option", new() { HasTextString = name }).GetAttributeAsync("value"))!);
        await worker.GetByLabel("District the case moves to").SelectOptionAsync("C-SIR");
        await worker.GetByLabel("Reason for the transfer").FillAsync("The family moved to Shirvan");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ask the receiving supervisor" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#transfer-pending")).ToContainTextAsync("Shirvan supervisor");

        await worker.GetByRole(AriaRole.Button, new() { Name = "Withdraw the transfer" }).ClickAsync();
        await Assertions.Expect(worker.Locator("body")).ToContainTextAsync("Transfer withdrawn: the case stays with its team.");
        await Assertions.Expect(worker.Locator("#transfer-pending")).ToHaveCountAsync(0);
        await Assertions.Expect(worker.Locator("tr[data-kind='transfer-withdrawn']")).ToHaveCountAsync(1);
        worker.Url.ShouldStartWith(caseUrl);
    }

    [Fact]
    public async Task A_refusal_with_a_code_reads_in_the_users_language_with_its_values()
    {
        var worker = await app.SignedInPageAsync("worker.ganja");
        var caseUrl = await OpenCaseAsync(worker, await RegisterChildAsync(worker, "Sultanova", "Leyla"), "Medium");
        var supervisor = await app.SignedInPageAsync("supervisor.ganja", "az");
        await supervisor.GotoAsync(caseUrl);

        await worker.GetByLabel("What was found (initial assessment)").FillAsync("Worker's findings");
        await worker.GetByLabel("Is the child safe now?").SelectOptionAsync("true");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the initial assessment" }).ClickAsync();
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "ComprehensiveAssessment");

        // The supervisor's page (in Azerbaijani) still holds version 1: the refusal is case.changed-since, by its code.
        await supervisor.Locator("#f-summary").FillAsync("Supervayzerin qeydləri");
        await supervisor.Locator("#f-childSafe").SelectOptionAsync("false");
        await supervisor.Locator("form:has(#f-summary) button[type=submit]").ClickAsync();
        var conflict = supervisor.Locator("#case-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("başqası dəyişib (sizin versiya 1, hazırkı 2)");
        (await conflict.InnerTextAsync()).ShouldNotContain("Someone else");
    }

    [Fact]
    public async Task When_two_people_send_the_same_step_the_second_sees_the_first_ones_change_and_keeps_what_they_typed()
    {
        var worker = await app.SignedInPageAsync("worker.ganja");
        var childUrl = await RegisterChildAsync(worker, "Köçərliyeva", "Nərmin");
        var caseUrl = await OpenCaseAsync(worker, childUrl, "Medium");
        var supervisor = await app.SignedInPageAsync("supervisor.ganja");
        await supervisor.GotoAsync(caseUrl);

        await worker.GetByLabel("What was found (initial assessment)").FillAsync("Worker's findings");
        await worker.GetByLabel("Is the child safe now?").SelectOptionAsync("true");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the initial assessment" }).ClickAsync();
        await Assertions.Expect(Stage(worker)).ToHaveAttributeAsync("data-stage", "ComprehensiveAssessment");

        await supervisor.GetByLabel("What was found (initial assessment)").FillAsync("Supervisor's own findings");
        await supervisor.GetByLabel("Is the child safe now?").SelectOptionAsync("false");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Record the initial assessment" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#case-conflict")).ToContainTextAsync("Someone else changed");
        await Assertions.Expect(supervisor.Locator("#case-conflict")).ToContainTextAsync("Supervisor's own findings");
        await Assertions.Expect(Stage(supervisor)).ToHaveAttributeAsync("data-stage", "ComprehensiveAssessment");
        await Shot(supervisor, "case-conflict");
    }

    [Fact]
    public async Task A_foster_family_is_registered_and_approved_and_a_child_is_placed_with_it_after_a_gatekeeping_decision()
    {
        var worker = await app.SignedInPageAsync("worker.ganja");
        var family = "Rəhimovlar ailəsi " + Guid.NewGuid().ToString("N")[..4];
        await worker.GotoAsync("/foster-carers");
        await worker.GetByText("Register a foster family").First.ClickAsync();
        await worker.Locator("#f-name").FillAsync(family);
        await worker.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await worker.Locator("#f-capacity").FillAsync("2");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Register a foster family" }).ClickAsync();
        var row = worker.Locator("#carers-table tr", new() { HasText = family });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Applied");
        await row.GetByLabel("Assessment summary").FillAsync("Warm, stable home; both parents trained teachers");
        await row.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Assessed");
        await row.GetByRole(AriaRole.Button, new() { Name = "Record the training" }).ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Trained");
        // Approval is the supervisor's: the worker has no button for it.
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var supervisor = await app.SignedInPageAsync("supervisor.ganja");
        await supervisor.GotoAsync("/foster-carers");
        var srow = supervisor.Locator("#carers-table tr", new() { HasText = family });
        await srow.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(srow).ToHaveAttributeAsync("data-status", "Approved");
        await Shot(supervisor, "foster-carers");

        var childUrl = await RegisterChildAsync(worker, "Nəsibova", "Lalə");
        var caseUrl = await OpenCaseAsync(worker, childUrl, "High");
        await worker.GetByText("Record a gatekeeping panel decision").ClickAsync();
        await worker.GetByLabel("Panel members").FillAsync("Centre head; psychologist; guardianship officer");
        await worker.Locator("#f-optionsConsidered").GetByLabel("Kinship care").CheckAsync();
        await worker.Locator("#f-optionsConsidered").GetByLabel("Foster family").CheckAsync();
        await worker.Locator("#f-optionsConsidered").GetByLabel("Residential institution").CheckAsync();
        await worker.Locator("#f-decision").SelectOptionAsync("foster");
        await worker.GetByLabel("Reasons").FillAsync("No relative can care for her; a trained foster family in Ganja has a place");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#gatekeeping li[data-decision='foster']")).ToBeVisibleAsync();

        // Residential care without a panel decision for it is refused; the foster placement goes through.
        await worker.GetByText("Record a placement").ClickAsync();
        await worker.Locator("#f-placementType").SelectOptionAsync("ResidentialInstitution");
        await worker.Locator("#f-placeName").FillAsync("Ganja children's home");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#case-conflict")).ToContainTextAsync("gatekeeping");
        await worker.Locator("#f-placementType").SelectOptionAsync("Foster");
        var option = await worker.Locator("#f-fosterCarerId option", new() { HasText = family }).GetAttributeAsync("value");
        await worker.Locator("#f-fosterCarerId").SelectOptionAsync(option!);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
        await Assertions.Expect(worker.Locator("#placements li[data-type='Foster'][data-current='true']")).ToContainTextAsync(family);
        await Shot(worker, "case-placement");
        await worker.GotoAsync(childUrl);
        await Assertions.Expect(worker.Locator("dd", new() { HasText = "Foster" }).First).ToBeVisibleAsync();
    }
}
