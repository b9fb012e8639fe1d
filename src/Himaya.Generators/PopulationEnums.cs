namespace Himaya.Generators;

// The registry's coded facts, as the generator draws them. Same members and values as the host's registry enums (a
// test pins that), so the host maps them by a cast; the generator also draws some of them by value.

public enum Sex { M, F }

public enum CareArrangement { Parents, Kinship, Foster, ResidentialInstitution, Detention, Street, Other }

public enum Residence { Urban, Rural }

public enum Displacement { None, Idp, ConflictAffected }

public enum Enrolment { NotEnrolled, Preschool, School, Vocational, NotOfAge }

public enum Immunisation { Unknown, Full, Partial, None }

/// <summary>UNICEF/Washington Group child functioning answer scale.</summary>
public enum Difficulty { None, Some, ALot, CannotDoAtAll }

/// <summary>Child Functioning Module domains (2–4 and 5–17 year modules together).</summary>
public enum FunctioningDomain
{
    Seeing, Hearing, Walking, FineMotor, SelfCare, Communication, Learning, Remembering,
    Concentrating, Playing, AcceptingChange, ControllingBehaviour, MakingFriends, Anxiety, Depression,
}

public enum WaterSource { Piped, ProtectedWell, UnprotectedWell, Surface, Tanker, Other }

public enum Sanitation { Improved, Shared, Unimproved, None }
