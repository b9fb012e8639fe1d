using Himaya.Features.Demo;
using Himaya.Features.Registry;

namespace Himaya.Tests.Registry;

/// <summary>The intake model ships as data; the data must be what the seeded training gives, so anyone can rebuild it.</summary>
public sealed class IntakeModelTests
{
    // Training takes seconds; both tests compare with the same result.
    private static readonly Lazy<Himaya.Linkage.Linking.LinkModel> Trained = new(IntakeModelTraining.Train);

    [Fact]
    public void The_shipped_intake_model_is_exactly_what_the_seeded_training_gives()
    {
        using var stream = typeof(IntakeModel).Assembly.GetManifestResourceStream(IntakeModel.ResourceName)!;
        var shipped = new StreamReader(stream).ReadToEnd();
        // As IntakeModelTraining.TrainAsJson writes it.
        shipped.ShouldBe(System.Text.Json.JsonSerializer.Serialize(Trained.Value, IntakeModel.ModelJson) + "\n",
            "Train it again: dotnet run --project src/Himaya -- intake-model --output $PWD/src/Himaya/Features/Registry/IntakeModel.json");
    }

    [Fact]
    public void The_loaded_model_scores_as_the_trained_one()
    {
        var loaded = new IntakeModel().Model;
        var trained = Trained.Value;
        loaded.Prior.ShouldBe(trained.Prior);
        loaded.Fields.Select(f => f.Column).ShouldBe(trained.Fields.Select(f => f.Column));
        for (var i = 0; i < loaded.Fields.Count; i++)
        {
            loaded.Fields[i].M.ShouldBe(trained.Fields[i].M);
            loaded.Fields[i].U.ShouldBe(trained.Fields[i].U);
            loaded.Fields[i].Kind.ShouldBe(trained.Fields[i].Kind);
        }
    }
}
