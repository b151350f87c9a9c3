using Dispatch.Ecg.Synthesis;
using Dispatch.Ecg.Validation;

using Dispatch.Tests.Support;

namespace Dispatch.Tests.Ecg;

/// <summary>
/// The targets on 500 labelled generated ECGs at ambulance noise, screened chunk by chunk
/// as the engine does: QRS sensitivity ≥ 99 %, STEMI sensitivity ≥ 90 %, specificity ≥ 95 %.
/// docs/ecg.md has the figures for every noise level (`dispatch-sim ecg-validate`).
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class EcgValidationTests
{
    [Fact]
    public void FiveHundredGeneratedEcgs_AtAmbulanceNoise_MeetTheScreeningTargets()
    {
        var report = EcgValidation.Run(500, NoiseLevel.Ambulance);

        Assert.Equal(500, report.Cases.Count);
        Assert.True(report.QrsSensitivity >= 0.99, report.ToMarkdown());
        Assert.True(report.Sensitivity >= 0.90, report.ToMarkdown());
        Assert.True(report.Specificity >= 0.95, report.ToMarkdown());
        Assert.True(report.TerritoryAccuracy >= 0.95, report.ToMarkdown());
        Assert.All(report.Cases.Where(c => c.Spec.Condition is EcgCondition.WideQrs or EcgCondition.Paced), c => Assert.False(c.Flagged));
    }
}
