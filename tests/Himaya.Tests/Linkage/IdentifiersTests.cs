using Himaya.Linkage;

namespace Himaya.Tests.Linkage;

public class IdentifiersTests
{
    [Theory]
    [InlineData("5ZJGK8B", "5ZJGK8B")]
    [InlineData("5zjgk8b", "5ZJGK8B")]
    [InlineData("  5ZJGK8B \t", "5ZJGK8B")]
    [InlineData("1234567", "1234567")]
    [InlineData("AAAAAAA", "AAAAAAA")]
    [InlineData("2wp9x3t", "2WP9X3T")]
    [InlineData("5ZJGК8В", "5ZJGK8B")] // Cyrillic К and В typed on a Russian layout
    public void A_valid_fin_is_normalised_to_upper_case(string input, string expected)
    {
        Fin.TryNormalise(input, out var normalised).ShouldBeTrue();
        normalised.ShouldBe(expected);
        Fin.Validate(input).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("5ZJGK8", "exactly 7")]
    [InlineData("5ZJGK8BB", "exactly 7")]
    [InlineData("5ZJ GK8B", "only Latin letters and digits")]
    [InlineData("5ZJ-K8B", "only Latin letters and digits")]
    [InlineData("5ZJGK8Ş", "only Latin letters and digits")]
    [InlineData("5ZJGK8Ж", "only Latin letters and digits")]
    [InlineData("5ZJGK8I", "I or O")]
    [InlineData("O123456", "I or O")]
    [InlineData("5zjgk8i", "I or O")]
    [InlineData("5ZJGK8İ", "I or O")]
    public void An_invalid_fin_is_rejected_with_an_explanation(string? input, string messageFragment)
    {
        Fin.TryNormalise(input, out var normalised).ShouldBeFalse();
        normalised.ShouldBe("");
        var error = Fin.Validate(input);
        error.ShouldNotBeNull();
        error.ShouldContain(messageFragment, Case.Insensitive);
    }

    [Theory]
    [InlineData("AZE 1234567", "AZE1234567")]
    [InlineData("AZE1234567", "AZE1234567")]
    [InlineData("aze 1234567", "AZE1234567")]
    [InlineData(" AZE № 1234567 ", "AZE1234567")]
    [InlineData("AZE N° 1234567", "AZE1234567")]
    [InlineData("AZE 123 45 67", "AZE1234567")]
    [InlineData("II-BŞ 123456", "II-BS123456")]
    [InlineData("ii-bş 123456", "II-BS123456")]
    [InlineData("II BŞ 123456", "II-BS123456")]
    [InlineData("II – BŞ №123456", "II-BS123456")]
    [InlineData("IV-AZ № 654321", "IV-AZ654321")]
    [InlineData("III-ÇƏ 00123456", "III-CE00123456")]
    [InlineData("XIV-AB 123456", "XIV-AB123456")]
    [InlineData("A 123456", "A123456")]
    [InlineData("АZЕ 1234567", "AZE1234567")] // Cyrillic А and Е
    public void A_valid_birth_certificate_number_is_normalised(string input, string expected)
    {
        BirthCertificateNumber.TryNormalise(input, out var normalised).ShouldBeTrue();
        normalised.ShouldBe(expected);
        BirthCertificateNumber.Validate(input).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("  ", "required")]
    [InlineData("AZE 12345", "6–8 digits")]
    [InlineData("AZE 123456789", "6–8 digits")]
    [InlineData("AZE", "digits")]
    [InlineData("1234567", "series")]
    [InlineData("ABCDE 123456", "1–4 Latin letters")]
    [InlineData("AB-CD 123456", "Roman numeral")]
    [InlineData("IIII-AB 123456", "Roman numeral")]
    [InlineData("II-AB-C 123456", "too many parts")]
    [InlineData("AZE 1234567X", "digits only")]
    [InlineData("II-ЖЗ 123456", "only")]
    [InlineData("AZE/1234567", "only")]
    public void An_invalid_birth_certificate_number_is_rejected_with_an_explanation(string? input, string messageFragment)
    {
        BirthCertificateNumber.TryNormalise(input, out var normalised).ShouldBeFalse();
        normalised.ShouldBe("");
        var error = BirthCertificateNumber.Validate(input);
        error.ShouldNotBeNull();
        error.ShouldContain(messageFragment, Case.Insensitive);
    }
}
