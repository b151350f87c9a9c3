namespace Dispatch.Contracts.Cases;

/// <summary>What the caller reports: it decides which pathway the case starts on.</summary>
[GenerateSerializer, Alias("dispatch.Complaint")]
public enum Complaint
{
    ChestPain = 0,
    StrokeSymptoms = 1,
    Other = 2,
}
