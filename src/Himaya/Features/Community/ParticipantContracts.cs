using Himaya.Features.Registry;

namespace Himaya.Features.Community;

/// <summary>
/// A participant to add: a registered child (<paramref name="ChildId"/>), or one met here, by the few fields known
/// (names, birth date, sex, district; care defaults to parents). <paramref name="ConfirmNew"/>: register even though the
/// intake matching found a probable record (after looking at it).
/// </summary>
public sealed record ParticipantInput(Guid? ChildId = null, string? GivenName = null, string? Surname = null, string? Patronymic = null,
    DateOnly? BirthDate = null, string? Sex = null, string? DistrictCode = null, string? CareArrangement = null, bool? ConfirmNew = null);

/// <summary>
/// A participant as the programme shows it. <paramref name="Outcome"/>: <c>added</c> (a registered child),
/// <c>registered</c> (new in the registry), <c>matched</c> (the child typed in was found registered and added), or
/// <c>already</c> (already a participant).
/// </summary>
public sealed record ParticipantView(Guid ChildId, string Surname, string GivenName, string? Patronymic, DateOnly BirthDate, Sex Sex, string DistrictCode,
    bool RegisteredHere, string? Outcome = null);

/// <summary>
/// A registered child who may be the one typed in. The user's own children come with their names and id (add them by
/// <c>childId</c>); a record out of the user's sight shows only its district.
/// </summary>
public sealed record ProbableMatch(double Probability, string DistrictCode, Guid? ChildId = null, string? Name = null, DateOnly? BirthDate = null);
