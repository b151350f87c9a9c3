using Dispatch.Contracts.V1;

namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>A case stored before the fuzzing, with what was stored for it: nothing of this may be lost or changed.</summary>
public sealed record SeededCase(string CaseId, string AmbulanceId, string HospitalId, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<EcgChunk> Ecg);
