using Dispatch.Api.Security;
using Dispatch.Contracts.Cases;

namespace Dispatch.Api.Mapping;

/// <summary>
/// A case as each role may see it. Where the patient was picked up (often their home) is for the
/// crew going there and the coordinators only: a receiving centre and a tele-ECG reader need the
/// clinical picture, the ETA and the clocks, not the address.
/// </summary>
public static class CaseViewForRole
{
    public static Contracts.V1.CaseView ToWireFor(this CaseSnapshot snapshot, Caller caller)
    {
        var view = snapshot.ToWire();
        if (caller.Is(DispatchRoles.Hospital, DispatchRoles.EcgReader))
        {
            view.Location = null;
        }

        return view;
    }
}
