using Dispatch.Api.Security;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.V1;

namespace Dispatch.Tests.Api;

/// <summary>The size check names the nested field at fault, and lets a full-size ECG chunk through.</summary>
public sealed class MessageShapeTests
{
    private static readonly LimitOptions Limits = new() { MaxRepeated = 200 };

    [Fact]
    public void AFullEcgChunk_Passes()
    {
        MessageShape.Check(new CrewMessage { Ecg = Chunk("case-1", samplesPerLead: 125) }, Limits);
    }

    [Fact]
    public void ALongIdInsideAnEcgChunk_IsNamedByItsPath()
    {
        var error = Assert.Throws<RuleException>(() => MessageShape.Check(new CrewMessage { Ecg = Chunk(new string('c', 300), 125) }, Limits));

        Assert.Equal((RuleViolation.InvalidArgument, "ecg.case_id is 300 characters; the most is 128"), (error.Violation, error.Message));
    }

    [Fact]
    public void TooManySamplesInOneLead_NamesTheLeadByItsIndex()
    {
        var chunk = Chunk("case-1", 125);
        chunk.Leads[4].Samples.AddRange(new int[100]);

        var error = Assert.Throws<RuleException>(() => MessageShape.Check(new CrewMessage { Ecg = chunk }, Limits));

        Assert.Equal("ecg.leads[4].samples has 225 items; the most is 200", error.Message);
    }

    private static EcgChunk Chunk(string caseId, int samplesPerLead)
    {
        var chunk = new EcgChunk { CaseId = caseId, Sequence = 1, SampleRateHz = 500, MicrovoltsPerUnit = 1 };
        for (var lead = 1; lead <= 12; lead++)
        {
            var samples = new EcgLeadSamples { Lead = (EcgLead)lead };
            samples.Samples.AddRange(new int[samplesPerLead]);
            chunk.Leads.Add(samples);
        }

        return chunk;
    }
}
