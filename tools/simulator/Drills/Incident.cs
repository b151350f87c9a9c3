using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.Geo;

namespace Dispatch.Simulator.Drills;

/// <summary>One call of a drill: when (drill minutes from the start), where, who and what.</summary>
public sealed record Incident(int Number, double AtMinute, GeoPoint Location, IncidentKind Kind, int Age, PatientSex Sex, Territory Territory, int Seed);
