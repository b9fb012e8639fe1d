using Himaya.Features.Registry;
using static Himaya.Features.Registry.SearchChildren.QueryTerm;

namespace Himaya.Tests.Registry;

public sealed class QueryParsingTests
{
    [Fact]
    public void A_query_mixes_names_identifiers_and_dates()
    {
        var terms = SearchChildren.ParseQuery("Məmmədov Elvin 5ZK2L7P AZE1234567 2015-03-01 01.02.2016").ToList();
        terms.ShouldContain(new NameTerm("mamadov"));
        terms.ShouldContain(new FinTerm("5ZK2L7P"));
        terms.ShouldContain(new CertificateTerm("AZE1234567"));
        terms.ShouldContain(new DateTerm(new DateOnly(2015, 3, 1)));
        terms.ShouldContain(new DateTerm(new DateOnly(2016, 2, 1)));
        terms.OfType<NameTerm>().Count().ShouldBe(2);
    }

    [Fact]
    public void Patronymic_markers_are_not_search_words() =>
        SearchChildren.ParseQuery("Elvin Rəşad oğlu").OfType<NameTerm>().Select(t => t.Key).ShouldBe(["alvin", "rashad"]);

    [Fact]
    public void An_empty_query_has_no_terms() => SearchChildren.ParseQuery("  ").ShouldBeEmpty();
}
