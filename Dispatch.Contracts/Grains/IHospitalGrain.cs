using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Grains;

/// <summary>A receiving centre, keyed by its region id: live status and incoming patients.</summary>
[Alias("dispatch.IHospitalGrain")]
public interface IHospitalGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot")]
    Task<HospitalSnapshot> GetSnapshot();

    [Alias("UpdateStatus")]
    Task<HospitalSnapshot> UpdateStatus(HospitalStatusUpdate update);

    [Alias("AddIncoming")]
    Task AddIncoming(string caseId);

    [Alias("RemoveIncoming")]
    Task RemoveIncoming(string caseId);
}
