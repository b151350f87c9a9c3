using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using Dispatch.Ecg.Analysis;

namespace Dispatch.Tests.Ecg;

/// <summary>The Fourth Universal Definition's thresholds and contiguity, on measured ST levels.</summary>
public sealed class StemiCriteriaTests
{
    [Theory]
    [InlineData(PatientSex.Male, 45, 1.9, false)]
    [InlineData(PatientSex.Male, 45, 2.0, true)]
    [InlineData(PatientSex.Male, 35, 2.4, false)]
    [InlineData(PatientSex.Male, 35, 2.5, true)]
    [InlineData(PatientSex.Female, 35, 1.5, true)]
    [InlineData(PatientSex.Female, 70, 1.4, false)]
    [InlineData(PatientSex.Unknown, null, 1.5, true)]
    public void V2AndV3_UseTheAgeAndSexThresholds(PatientSex sex, int? age, double millimetres, bool suspected)
    {
        var screen = StemiCriteria.Screen(Levels((EcgLead.V2, millimetres), (EcgLead.V3, millimetres)), new PatientContext(age, sex), []);

        Assert.Equal(suspected, screen.Suspected);
    }

    [Fact]
    public void TwoContiguousLeads_AreNeeded_AndNamedWithTheirTerritoryAndReciprocalDepression()
    {
        var patient = new PatientContext(60, PatientSex.Male);

        var single = StemiCriteria.Screen(Levels((EcgLead.III, 2.5)), patient, []);
        var notContiguous = StemiCriteria.Screen(Levels((EcgLead.III, 2.5), (EcgLead.V5, 2.5)), patient, []);
        var inferior = StemiCriteria.Screen(Levels((EcgLead.II, 1.2), (EcgLead.III, 2.5), (EcgLead.AVF, 1.8), (EcgLead.AVL, -1.1)), patient, []);

        Assert.False(single.Suspected);
        Assert.False(notContiguous.Suspected);
        Assert.Equal([Territory.Inferior], inferior.Territories.ToArray());
        Assert.Equal([EcgLead.II, EcgLead.III, EcgLead.AVF], inferior.Elevation.Select(e => e.Lead));
        Assert.Equal([new LeadMeasure(EcgLead.AVL, -1.1)], inferior.ReciprocalDepression.ToArray());
        Assert.Equal("suspected inferior STEMI: II 1.2 mm, III 2.5 mm, AVF 1.8 mm; reciprocal AVL -1.1 mm", inferior.Summary());
    }

    [Fact]
    public void AConfounder_IsFlagged_AndNeverCalledStemi()
    {
        var screen = StemiCriteria.Screen(Levels((EcgLead.V1, 2.5), (EcgLead.V2, 3), (EcgLead.V3, 3)), PatientContext.Unknown, ["wide QRS 150 ms (bundle-branch-block-like)"]);

        Assert.False(screen.Suspected);
        Assert.Empty(screen.Territories);
        Assert.Equal("not interpretable for STEMI: wide QRS 150 ms (bundle-branch-block-like)", screen.Summary());
    }

    [Fact]
    public void StDepressionInV1ToV3_WithoutAnteriorElevation_HintsAtPosteriorMi()
    {
        var screen = StemiCriteria.Screen(Levels((EcgLead.V1, -0.8), (EcgLead.V2, -1.5), (EcgLead.V3, -1.2)), PatientContext.Unknown, []);

        Assert.False(screen.Suspected);
        Assert.True(screen.PosteriorHint);
    }

    private static List<LeadMeasure> Levels(params (EcgLead Lead, double Millimetres)[] set) =>
        [.. Enum.GetValues<EcgLead>().Select(l => new LeadMeasure(l, set.FirstOrDefault(s => s.Lead == l).Millimetres))];
}
