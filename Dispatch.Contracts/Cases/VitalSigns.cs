namespace Dispatch.Contracts.Cases;

/// <summary>Vital signs a crew measured; unset values were not measured.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.VitalSigns")]
public sealed record VitalSigns(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int? HeartRate = null,
    [property: Id(2)] int? SystolicBp = null,
    [property: Id(3)] int? DiastolicBp = null,
    [property: Id(4)] int? Spo2 = null,
    [property: Id(5)] int? RespiratoryRate = null,
    [property: Id(6)] double? GlucoseMmolL = null);
