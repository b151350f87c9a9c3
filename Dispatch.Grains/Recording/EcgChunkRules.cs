using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>What a chunk must look like before it is stored; each refusal names the problem.</summary>
public static class EcgChunkRules
{
    public const int MinSampleRateHz = 200;
    public const int MaxSampleRateHz = 1000;

    /// <summary>A chunk is about 250 ms; two seconds is the most a sane client sends at once.</summary>
    public const double MaxChunkSeconds = 2;

    public const double MaxMicrovoltsPerUnit = 100;

    public static void Validate(EcgChunkData chunk)
    {
        if (chunk.Sequence < 1)
        {
            throw Invalid($"ECG sequence numbers start at 1, got {chunk.Sequence}");
        }

        if (chunk.SampleRateHz is < MinSampleRateHz or > MaxSampleRateHz)
        {
            throw Invalid($"ECG sample rate must be {MinSampleRateHz}-{MaxSampleRateHz} Hz, got {chunk.SampleRateHz}");
        }

        if (!double.IsFinite(chunk.MicrovoltsPerUnit) || chunk.MicrovoltsPerUnit <= 0 || chunk.MicrovoltsPerUnit > MaxMicrovoltsPerUnit)
        {
            throw Invalid($"ECG scale must be above 0 and at most {MaxMicrovoltsPerUnit} µV per unit, got {chunk.MicrovoltsPerUnit}");
        }

        if (chunk.Leads.IsDefault || chunk.Leads.Length != EcgChunkData.LeadCount)
        {
            throw Invalid($"an ECG chunk carries exactly {EcgChunkData.LeadCount} leads, got {(chunk.Leads.IsDefault ? 0 : chunk.Leads.Length)}");
        }

        var samples = chunk.Leads[0].Length;
        var max = (int)(chunk.SampleRateHz * MaxChunkSeconds);
        if (samples == 0 || samples > max)
        {
            throw Invalid($"an ECG chunk holds 1-{max} samples per lead at {chunk.SampleRateHz} Hz, got {samples}");
        }

        for (var lead = 1; lead < chunk.Leads.Length; lead++)
        {
            if (chunk.Leads[lead].Length != samples)
            {
                throw Invalid($"every lead of an ECG chunk has the same number of samples: lead {lead + 1} has {chunk.Leads[lead].Length}, lead 1 has {samples}");
            }
        }
    }

    private static RuleException Invalid(string message) => new(RuleViolation.InvalidArgument, message);
}
