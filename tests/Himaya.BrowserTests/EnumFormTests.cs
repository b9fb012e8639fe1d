using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

public sealed class EnumFormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// Every enum choice of the registry forms, found on the page itself (a select whose values are all member names),
    /// is posted a list of two members, which Enum.Parse would OR into another member: each field must say so, beside it.
    /// </summary>
    [Theory]
    [InlineData("/children/new")]
    [InlineData("/households/new")]
    public async Task Every_enum_choice_of_a_form_refuses_a_list_of_members(string url)
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        await page.GotoAsync(url);
        var names = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main form select')]
            .filter(s => [...s.options].some(o => o.value) && [...s.options].every(o => !o.value || /^[A-Z][A-Za-z]*$/.test(o.value)))
            .map(s => s.name)");
        names.Length.ShouldBeGreaterThan(2);
        // All at once: each field must answer beside itself, whatever the others hold.
        await page.EvaluateAsync(@"names => {
            for (const name of names) {
                const s = document.querySelector(`main form select[name=""${name}""]`);
                const values = [...s.options].map(o => o.value).filter(v => v);
                s.value = values[0];
                s.options[s.selectedIndex].value = values[0] + ', ' + values[values.length - 1];
                // A row of a repeated group (members[0].sex) is read only when the row has a name.
                const row = name.includes('].') ? name.slice(0, name.indexOf('].') + 1) : null;
                const named = row && document.querySelector(`main form input[name=""${row}.fullName""]`);
                if (named) named.value = 'Sınaq';
            }
        }", names);
        await page.Locator("main form button.primary").First.ClickAsync();
        foreach (var name in names)
            await Assertions.Expect(page.Locator($"[id='{name}-error']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        page.Url.ShouldNotContain("saved=true");
    }
}
