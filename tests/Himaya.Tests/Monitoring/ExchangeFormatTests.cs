using Himaya.Features.Monitoring;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>The exchange formats on their own: SDMX-CSV 1.0 and DHIS2 dataValueSets read, written and read again; periods and breakdowns.</summary>
public sealed class ExchangeFormatTests
{
    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("2024-Q3", "2024-Q3")]
    [InlineData("2024-03", "2024-03")]
    [InlineData("2024-13", null)]
    [InlineData("2024-Q5", null)]
    [InlineData("24", null)]
    [InlineData("2024W3", null)]
    public void An_sdmx_period_is_a_year_quarter_or_month(string text, string? expected) => Periods.FromSdmx(text).ShouldBe(expected);

    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("2024Q1", "2024-Q1")]
    [InlineData("202403", "2024-03")]
    [InlineData("2024W3", null)]
    [InlineData("2024-03", null)]
    public void A_dhis2_period_maps_to_the_same_periods(string text, string? expected)
    {
        Periods.FromDhis2(text).ShouldBe(expected);
        if (expected is not null) Periods.ToDhis2(expected).ShouldBe(text);
    }

    [Fact]
    public void A_breakdown_has_one_key_whatever_the_order_of_its_dimensions()
    {
        var a = Disaggregations.Key([new("SEX", "F"), new("AGE", "Y3T5")]);
        var b = Disaggregations.Key([new("AGE", "Y3T5"), new("SEX", "F"), new("RESIDENCE", "")]);
        a.ShouldBe("AGE=Y3T5;SEX=F");
        b.ShouldBe(a);
        Disaggregations.Parse(a).ShouldBe(new Dictionary<string, string> { ["AGE"] = "Y3T5", ["SEX"] = "F" });
        Disaggregations.Key([]).ShouldBe("");
    }

    [Fact]
    public void Sdmx_csv_quoted_fields_labels_and_bad_lines_are_read_and_what_is_written_reads_back_the_same()
    {
        var csv = "DATAFLOW,REF_AREA,INDICATOR,SEX,AGE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,COMMENT_OBS\n"
            + "\"UNICEF:CME(1.0)\",AZE: Azerbaijan,CME_MRY0T4,_T,,1995,95,RATE_1000,A,\"Estimate, from \"\"IGME\"\"\"\n"
            + "UNICEF:CME(1.0),AZE,CME_MRY0T4,F,Y0T4,2023,16.4,RATE_1000,E,\n"
            + "UNICEF:CME(1.0),AZE,CME_MRY0T4,_T,,2023-13,18,RATE_1000,A,\n"
            + "UNICEF:CME(1.0),AZE,CME_MRY0T4,_T,,2023\n";
        var read = SdmxCsv.Read(csv);
        read.Malformed.ShouldBeNull();
        read.Rows.Count.ShouldBe(2);
        read.Rows[0].Place.ShouldBe("AZE");
        read.Rows[0].Value.ShouldBe(95m);
        read.Rows[0].Disaggregation.ShouldBe(new Dictionary<string, string> { ["SEX"] = "_T" });
        read.Rows[1].Disaggregation.ShouldBe(new Dictionary<string, string> { ["SEX"] = "F", ["AGE"] = "Y0T4" });
        read.Rows[1].ObsStatus.ShouldBe("E");
        read.Rejected.Select(r => r.Line).ShouldBe([4, 5]);

        var written = SdmxCsv.Write(read.Rows.Select(r => (r.Indicator, "RATE_1000", r.Place, r.Period, r.Disaggregation, r.Value, r.ObsStatus)));
        written.ShouldStartWith("DATAFLOW,REF_AREA,INDICATOR,SEX,AGE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS\r\n");
        var again = SdmxCsv.Read(written);
        again.Rejected.ShouldBeEmpty();
        again.Rows.Select(r => (r.Indicator, r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value, r.ObsStatus))
            .ShouldBe(read.Rows.Select(r => (r.Indicator, r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value, r.ObsStatus)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("REF_AREA,INDICATOR,OBS_VALUE\nAZE,X,1\n")]
    public void An_sdmx_file_without_its_required_columns_is_unreadable(string csv) => SdmxCsv.Read(csv).Malformed.ShouldNotBeNull();

    [Fact]
    public void Data_value_sets_take_defaults_from_the_top_and_what_is_written_reads_back_the_same()
    {
        var json = """
            {"dataSet": "pBOMPrpg1QX", "period": "2024", "orgUnit": "C-GAN", "dataValues": [
              {"dataElement": "ECD_REACHED", "value": "15000"},
              {"dataElement": "ECD_REACHED", "orgUnit": "AZE", "period": "2024Q2", "categoryOptionCombo": "SEX=F;AGE=Y0T4", "value": 7200},
              {"dataElement": "ECD_REACHED", "categoryOptionCombo": "COLOUR=RED", "value": "1"},
              {"dataElement": "ECD_REACHED", "value": "many"}
            ]}
            """;
        var read = Dhis2DataValueSets.Read(json);
        read.Rows.Select(r => (r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value))
            .ShouldBe([("C-GAN", "2024", "", 15000m), ("AZE", "2024-Q2", "AGE=Y0T4;SEX=F", 7200m)]);
        read.Rejected.Select(r => r.Line).ShouldBe([3, 4]);
        var written = Dhis2DataValueSets.Write(read.Rows.Select(r => (r.Indicator, r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value)));
        written.ShouldContain("\"categoryOptionCombo\":\"" + Dhis2DataValueSets.DefaultCombo + "\"");
        written.ShouldContain("\"period\":\"2024Q2\"");
        Dhis2DataValueSets.Read(written).Rows.Select(r => (r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value))
            .ShouldBe(read.Rows.Select(r => (r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value)));
        Dhis2DataValueSets.Read("[1, 2]").Malformed.ShouldNotBeNull();
        Dhis2DataValueSets.Read("{").Malformed.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("2024", "2024-01-01/P1Y")]
    [InlineData("2024-Q1", "2024-01-01/P3M")]
    [InlineData("2024-Q4", "2024-10-01/P3M")]
    [InlineData("2024-03", "2024-03-01/P1M")]
    public void An_adx_period_is_a_start_and_a_duration(string period, string iso)
    {
        Adx.ToIso(period).ShouldBe(iso);
        Adx.FromIso(iso).ShouldBe(period);
    }

    [Theory]
    [InlineData("2024-02-01/P1Y")]
    [InlineData("2024-02-01/P3M")]
    [InlineData("2024-03-15/P1M")]
    [InlineData("2024-01-01/P1W")]
    [InlineData("2024")]
    public void An_adx_period_that_is_no_year_quarter_or_month_is_refused(string iso) => Adx.FromIso(iso).ShouldBeNull();

    [Fact]
    public void Adx_groups_and_breakdown_attributes_are_read_and_what_is_written_reads_back_the_same()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-12-03T10:00:00Z">
              <group orgUnit="C-GAN" period="2024-01-01/P1Y" dataSet="ECD">
                <dataValue dataElement="ECD_REACHED" value="15000"/>
                <dataValue dataElement="ECD_REACHED" SEX="F" AGE="Y0T4" value="7200"/>
                <dataValue dataElement="ECD_REACHED" COLOUR="RED" value="1"/>
              </group>
              <group orgUnit="AZE" period="2024-04-01/P3M">
                <dataValue dataElement="ECD_REACHED" value="60000"/>
                <dataValue dataElement="ECD_REACHED" value="many"/>
              </group>
              <group orgUnit="AZE" period="2024-W03">
                <dataValue dataElement="ECD_REACHED" value="1"/>
              </group>
            </adx>
            """;
        var read = Adx.Read(xml);
        read.Malformed.ShouldBeNull();
        read.Rows.Select(r => (r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value))
            .ShouldBe([("C-GAN", "2024", "", 15000m), ("C-GAN", "2024", "AGE=Y0T4;SEX=F", 7200m), ("AZE", "2024-Q2", "", 60000m)]);
        read.Rejected.Select(r => r.Line).ShouldBe([3, 5, 6]);
        var written = Adx.Write(read.Rows.Select(r => (r.Indicator, r.Place, r.Period, r.Disaggregation, r.Value)));
        written.ShouldContain("period=\"2024-04-01/P3M\"");
        Adx.Read(written).Rows.Select(r => (r.Indicator, r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value))
            .ShouldBe(read.Rows.Select(r => (r.Indicator, r.Place, r.Period, Disaggregations.Key(r.Disaggregation), r.Value)));
        Adx.Read("<adx><group").Malformed.ShouldNotBeNull();
        Adx.Read("<other/>").Malformed.ShouldNotBeNull();
        Adx.Read("<!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><adx>&x;</adx>").Malformed.ShouldNotBeNull();
    }
}
