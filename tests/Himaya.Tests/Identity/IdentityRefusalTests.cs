using Himaya.Features.Identity;
using Himaya.Platform;
using Himaya.Tests.Registry;

namespace Himaya.Tests.Identity;

/// <summary>User administration refuses by code; the API's English is what it was before the codes.</summary>
public sealed class IdentityRefusalTests
{
    private static readonly AdminUnits Units = Load();

    private static AdminUnits Load()
    {
        var u = new AdminUnits();
        u.Load(AdminUnitLoader.ReadBundled());
        return u;
    }

    [Fact]
    public void A_new_user_without_anything_is_refused_field_by_field()
    {
        var e = UserAdmin.Validate(new UserInput(), Units, isCreate: true);
        RegistryRefusalTests.Codes(e).ShouldBe([
            "userName: user.username-required", "password: user.password-required", "displayName: user.name-required", "roles: user.role-required",
            "scopeKind: user.scope-required",
        ], ignoreOrder: true);
        RegistryRefusalTests.Messages(e)["scopeKind"].ShouldBe(["Scope is required (National, Areas or Caseload)."]);
    }

    [Fact]
    public void Wrong_values_are_refused_with_the_old_english()
    {
        var e = UserAdmin.Validate(new UserInput
        {
            UserName = "ə user", Password = "short", DisplayName = "N", Roles = ["Wizard"], ScopeKind = ScopeKind.Areas, ScopeAreas = ["ZZ-9"],
        }, Units, isCreate: true);
        RegistryRefusalTests.Codes(e).ShouldBe([
            "userName: user.username-format", "password: user.password-length", "roles: user.unknown-role", "scopeAreas: user.unknown-area",
        ], ignoreOrder: true);
        var m = RegistryRefusalTests.Messages(e);
        m["userName"].ShouldBe(["Use at most 64 Latin letters, digits, dots, hyphens or underscores."]);
        m["password"].ShouldBe(["Password must be 10–128 characters."]);
        m["roles"].ShouldBe([$"Unknown role 'Wizard'. Known: {string.Join(", ", Roles.All)}."]);
        m["scopeAreas"].ShouldBe(["Unknown area code 'ZZ-9'."]);
    }

    [Fact]
    public void An_area_scope_needs_an_area()
    {
        var input = new UserInput { DisplayName = "N", Roles = [Roles.Auditor], ScopeKind = ScopeKind.Areas };
        RegistryRefusalTests.Codes(UserAdmin.Validate(input, Units, isCreate: false)).ShouldBe(["scopeAreas: user.area-required"]);
    }
}
