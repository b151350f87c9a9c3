using Dispatch.Contracts.Ecg;
using Dispatch.Ecg.Analysis;
using Dispatch.Ecg.Synthesis;

namespace Dispatch.Tests.Ecg;

/// <summary>The generator makes ECGs that obey the leads' geometry and show what was asked, measured by the analysis.</summary>
public sealed class SyntheticEcgTests
{
    [Fact]
    public void TheLimbLeads_FollowEinthovenAndGoldberger()
    {
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(Noise: NoiseLevel.None), 5).Millivolts;

        for (var i = 0; i < ecg[0].Length; i += 7)
        {
            Assert.Equal(ecg[(int)EcgLead.II][i] - ecg[(int)EcgLead.I][i], ecg[(int)EcgLead.III][i], 9);
            Assert.Equal(-(ecg[(int)EcgLead.I][i] + ecg[(int)EcgLead.II][i]) / 2, ecg[(int)EcgLead.AVR][i], 9);
        }
    }

    [Theory]
    [InlineData(Territory.Anterior, EcgLead.V2, EcgLead.V3)]
    [InlineData(Territory.Inferior, EcgLead.III, EcgLead.AVF)]
    [InlineData(Territory.Lateral, EcgLead.I, EcgLead.AVL)]
    public void AStemi_RaisesTheStOfItsTerritory_ByAboutItsSize(Territory territory, EcgLead first, EcgLead second)
    {
        var findings = Analyse(new SyntheticEcgSpec(EcgCondition.Stemi, territory, StElevationMm: 3, Noise: NoiseLevel.Low, Seed: 4));

        var st = findings.StAtJ60.ToDictionary(m => m.Lead, m => m.Millimetres);
        Assert.InRange(st[first], 1.8, 4.5);
        Assert.InRange(st[second], 1.8, 4.5);
        Assert.Contains(territory, findings.Screening.Territories);
    }

    [Theory]
    [InlineData(EcgCondition.WideQrs)]
    [InlineData(EcgCondition.Paced)]
    public void WideAndPacedBeats_AreMeasuredWide_AndFlaggedAsConfounders(EcgCondition condition)
    {
        var findings = Analyse(new SyntheticEcgSpec(condition, Seed: 9));

        Assert.False(findings.Screening.Suspected);
        Assert.NotEmpty(findings.Screening.Confounders);
        if (condition == EcgCondition.WideQrs)
        {
            Assert.True(findings.QrsMilliseconds >= 120, $"QRS {findings.QrsMilliseconds} ms");
        }
    }

    [Fact]
    public void ANormalEcg_MeasuresItsRateAndANarrowQrs()
    {
        var findings = Analyse(new SyntheticEcgSpec(HeartRate: 64, Noise: NoiseLevel.Ambulance, Seed: 3));

        Assert.InRange(findings.HeartRate, 58, 70);
        Assert.InRange(findings.QrsMilliseconds, 60, 118);
        Assert.True(findings.RegularRhythm);
        Assert.False(findings.Screening.Suspected);
    }

    private static EcgFindings Analyse(SyntheticEcgSpec spec)
    {
        var ecg = SyntheticEcg.Generate(spec, 12);
        var analyzer = new EcgStreamAnalyzer(ecg.SampleRateHz);
        return SyntheticEcg.Chunks(ecg, "test", DateTimeOffset.UnixEpoch)
            .SelectMany(chunk => analyzer.Append(chunk, new PatientContext(spec.Age, spec.Sex), DateTimeOffset.UnixEpoch))
            .First();
    }
}
