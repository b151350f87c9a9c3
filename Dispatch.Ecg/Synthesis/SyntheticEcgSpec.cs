using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;

namespace Dispatch.Ecg.Synthesis;

/// <summary>What to generate: the condition (and its territory and size), the patient, the rhythm, the noise.</summary>
public sealed record SyntheticEcgSpec(
    EcgCondition Condition = EcgCondition.Normal,
    Territory Territory = Territory.Anterior,
    double StElevationMm = 2.5,
    double HeartRate = 75,
    double HeartRateVariability = 0.03,
    NoiseLevel Noise = NoiseLevel.Ambulance,
    PatientSex Sex = PatientSex.Male,
    int Age = 60,
    double SampleRateHz = 500,
    double MainsHz = 50,
    int Seed = 1);
