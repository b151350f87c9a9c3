namespace Dispatch.Contracts.Ecg;

/// <summary>A lead and its ST level in mm (0.1 mV); negative is depression.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.LeadMeasure")]
public readonly record struct LeadMeasure([property: Id(0)] EcgLead Lead, [property: Id(1)] double Millimetres);
