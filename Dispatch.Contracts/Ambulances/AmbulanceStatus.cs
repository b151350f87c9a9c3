namespace Dispatch.Contracts.Ambulances;

[GenerateSerializer, Alias("dispatch.AmbulanceStatus")]
public enum AmbulanceStatus
{
    Available = 0,
    Dispatched = 1,
    OnScene = 2,
    Transporting = 3,
    AtHospital = 4,
    OutOfService = 5,
}
