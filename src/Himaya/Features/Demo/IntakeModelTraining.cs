using System.Text.Json;
using Himaya.Features.Registry;
using Himaya.Generators;
using Himaya.Linkage.Linking;

namespace Himaya.Features.Demo;

/// <summary>
/// Trains the intake model shipped in Features/Registry/IntakeModel.json, offline and reproducibly: the same seeded
/// generated set every time (20,000 records, a fifth of them duplicates, seed 1), trained as `himaya link` trains.
/// </summary>
public static class IntakeModelTraining
{
    public static LinkModel Train()
    {
        var rows = LinkageTestSet.Dedup(20_000, 0.2, seed: 1);
        var data = LinkData.FromRecords(IntakeModel.Config, rows.Select(r => (r.RecId, new string?[] { r.GivenName, r.Surname, r.Patronymic, r.Sex, r.DateOfBirth, r.Fin, null, r.District })).ToList());
        var model = Training.Train(data, Blocking.Rules(data));
        var fields = model.Fields.ToList();
        var fin = fields.FindIndex(f => f.Column == "fin");
        var cert = fields.FindIndex(f => f.Column == "birthCertificateNumber");
        fields[cert] = fields[fin] with { Column = "birthCertificateNumber", MSource = "the FIN's (no certificate numbers in the training set)" };
        return model with { Fields = fields };
    }

    public static string TrainAsJson() => JsonSerializer.Serialize(Train(), IntakeModel.ModelJson) + "\n";
}
