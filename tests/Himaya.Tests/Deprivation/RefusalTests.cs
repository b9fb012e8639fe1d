using Himaya.Features.Deprivation;
using Himaya.Platform;

namespace Himaya.Tests.Deprivation;

/// <summary>
/// The deprivation feature's questions refused by code, each with the English text the API has always sent; a parser's
/// problems travel as they are inside one code, for pages to list under a translated sentence.
/// </summary>
public sealed class RefusalTests
{
    private static readonly AdminUnits Units = Load();

    private static AdminUnits Load()
    {
        var units = new AdminUnits();
        units.Load(AdminUnitLoader.ReadBundled());
        return units;
    }

    private static (string Code, string Message)[] On(FieldErrors e, string field) => [.. e.CodedFor(field).Select(r => (r.Code, r.Message))];

    [Fact]
    public void An_analysis_question_names_each_wrong_part_by_code()
    {
        var e = RegistryAnalysis.Validate(new AnalysisRequest("9-99", ["sex"]), RegistryFramework.Azerbaijan);
        On(e, "ageGroup").ShouldBe([("deprivation.unknown-age-group", "Unknown age group: one of 0-4, 5-17.")]);

        e = RegistryAnalysis.Validate(new AnalysisRequest("0-4", ["sex", "colour", "sex"], [0]), RegistryFramework.Azerbaijan);
        On(e, "by").ShouldBe([
            ("deprivation.by-at-most-two", "At most two disaggregations."),
            ("deprivation.unknown-disaggregation", "Unknown disaggregation \"colour\": one of district, region, sex, age, disability, residence, displacement."),
        ]);
        On(e, "k").ShouldBe([("deprivation.cut-off-out-of-range", "Each cut-off is above 0 and at most 6.")]);

        e = RegistryAnalysis.Validate(new AnalysisRequest("5-17", ["sex", "sex"], [.. Enumerable.Range(1, 33).Select(k => k / 10.0)]), RegistryFramework.Azerbaijan);
        On(e, "by").ShouldBe([("deprivation.same-disaggregation-twice", "The same disaggregation twice.")]);
        On(e, "k").ShouldBe([("deprivation.too-many-cut-offs", "At most 32 cut-offs.")]);
        RegistryAnalysis.Validate(new AnalysisRequest("5-17", ["district", "sex"], [1, 2.5]), RegistryFramework.Azerbaijan).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_cut_off_that_is_not_a_number_is_named_with_what_was_sent()
    {
        var e = new FieldErrors();
        DeprivationApi.Parse(e, null, null, "1, x");
        On(e, "k").ShouldBe([("deprivation.cut-off-not-a-number", "\"x\" is not a number.")]);
        e.ToProblem().ShouldNotBeNull();
    }

    [Fact]
    public void The_most_deprived_list_refuses_its_filters_by_code()
    {
        var e = MostDeprived.Validate(new MostDeprivedQuery("5-17", K: 9, District: "NOWHERE", Page: 0, PageSize: 500), RegistryFramework.Azerbaijan, Units);
        On(e, "k").ShouldBe([("deprivation.k-between", "Between 1 and 5.")]);
        On(e, "district").ShouldBe([("field.unknown-district", "Unknown district code.")]);
        On(e, "page").ShouldBe([("field.page-starts-at-one", "Page starts at 1.")]);
        On(e, "pageSize").ShouldBe([("field.page-size", "Page size must be between 1 and 200.")]);
        MostDeprived.Validate(new MostDeprivedQuery("0-4", K: 6), RegistryFramework.Azerbaijan, Units).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_framework_that_is_not_there_is_named_on_the_framework_and_on_the_version_asked_for()
    {
        var e = Frameworks.NotFound("7", field: "name");
        On(e, "name").ShouldBe([("framework.not-found", "No such framework or version.")]);
        On(e, "version").ShouldBe([("framework.not-found", "No such framework or version.")]);
        Frameworks.NotFound(null).All.Keys.ShouldBe(["framework"]);
    }

    [Fact]
    public void A_survey_request_is_refused_by_code_and_the_frameworks_problems_keep_their_paths()
    {
        var (e, framework) = DeprivationRuns.Validate(new SurveyRequest(" ", "", """{"dimensions":[{"name":"h","indicators":[]}]}""", By: ["a", "b", "c"],
            Label: new string('x', 201)));
        framework.ShouldBeNull();
        On(e, "fileName").ShouldBe([("survey.file-name-required", "The file's name is required.")]);
        On(e, "content").ShouldBe([("survey.file-empty", "The file is empty.")]);
        On(e, "by").ShouldBe([("survey.grouping-at-most-two", "At most two grouping columns.")]);
        On(e, "label").ShouldBe([("field.too-long", "At most 200 characters.")]);
        var problem = e.CodedFor("framework").ShouldHaveSingleItem();
        problem.Code.ShouldBe("framework.invalid-definition");
        problem.Message.ShouldStartWith("$.dimensions[0].indicators: a non-empty list");

        (e, framework) = DeprivationRuns.Validate(new SurveyRequest("s.csv", "id,a\n1,1\n", null));
        On(e, "framework").ShouldBe([("survey.framework-required", "FRAMEWORK.json is required.")]);
        (e, framework) = DeprivationRuns.Validate(new SurveyRequest("s.csv", "id,a\n1,1\n", """{"dimensions":[{"name":"h","indicators":["a"]}]}""", K: [2]));
        framework.ShouldNotBeNull();
        On(e, "k").ShouldBe([("deprivation.cut-off-out-of-range", "Each cut-off is above 0 and at most 1.")]);
    }

    [Fact]
    public void The_limits_written_in_the_texts_are_the_limits_applied()
    {
        var n = System.Globalization.CultureInfo.InvariantCulture;
        DeprivationErrors.SurveyTooLong().Message.ShouldBe($"At most {DeprivationRuns.MaxSurveyChars.ToString("N0", n)} characters.");
        DeprivationErrors.DefinitionTooLong().Message.ShouldBe($"At most {Frameworks.MaxDefinitionChars.ToString("N0", n)} characters.");
    }

    [Fact]
    public void A_page_lists_a_parsers_problems_as_they_are_apart_from_the_other_refusals()
    {
        var e = new FieldErrors()
            .Add(DeprivationErrors.SurveyFileEmpty() with { Field = "file" })
            .Add(DeprivationErrors.SurveyFileProblem("line 3, column \"water\": \"maybe\" is not 1") with { Field = "file" })
            .Add(DeprivationErrors.SurveyFileProblem("line 4, column \"id\": the id is empty") with { Field = "file" });
        var (others, lead, problems) = DeprivationErrors.ForPage(e, "file");
        others.Select(r => r.Code).ShouldBe(["survey.file-empty"]);
        lead.ShouldBe("Survey.FileProblems");
        problems.ShouldBe(["line 3, column \"water\": \"maybe\" is not 1", "line 4, column \"id\": the id is empty"]);
        // The API sends each problem as the reader wrote it; the page texts lead it with a sentence of their own.
        e.All["file"].ShouldBe(["The file is empty.", "line 3, column \"water\": \"maybe\" is not 1", "line 4, column \"id\": the id is empty"]);
        JsonStringLocalizer.Find("az", "Error.survey.file-problem").ShouldBe("Faylda problem: {0}");
        JsonStringLocalizer.Find("az", "Survey.FileProblems").ShouldNotBeNull();

        var (_, noLead, none) = DeprivationErrors.ForPage(new FieldErrors().Add(DeprivationErrors.DefinitionRequired()), "definition");
        noLead.ShouldBeNull();
        none.ShouldBeEmpty();
        DeprivationErrors.ForPage(new FieldErrors().Add(DeprivationErrors.InvalidDefinition("definition", "$.name: required")), "definition").LeadKey
            .ShouldBe("Deprivation.DefinitionProblems");
    }
}
