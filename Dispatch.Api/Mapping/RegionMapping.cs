using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Hospitals;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>Hospital and ambulance messages between the wire and the domain.</summary>
public static class RegionMapping
{
    public static readonly (Capabilities Domain, V1.Capability Wire)[] CapabilityPairs =
    [
        (Capabilities.Pci, V1.Capability.Pci),
        (Capabilities.Thrombolysis, V1.Capability.Thrombolysis),
        (Capabilities.Ct, V1.Capability.Ct),
        (Capabilities.Thrombectomy, V1.Capability.Thrombectomy),
        (Capabilities.StrokeUnit, V1.Capability.StrokeUnit),
    ];

    public static V1.HospitalView ToWire(this HospitalSnapshot snapshot)
    {
        var profile = snapshot.Profile;
        var view = new V1.HospitalView
        {
            Id = profile.Id,
            Name = profile.Name,
            Level = profile.Level.ToWireEnum<HospitalLevel, V1.HospitalLevel>(),
            CathLabs = profile.CathLabs,
            CathLabsBusy = snapshot.CathLabsBusy,
            CtAvailable = snapshot.CtAvailable,
            OnDiversion = snapshot.OnDiversion,
            Location = profile.Location.ToWire(),
            StatusUpdatedAt = snapshot.StatusUpdatedAt.ToWire(),
        };
        view.Capabilities.AddRange(CapabilityPairs.Where(p => profile.Can(p.Domain)).Select(p => p.Wire));
        if (profile.DoorToDeviceMinutes is { } d2d)
        {
            view.DoorToDeviceMinutes = d2d;
        }

        if (profile.DoorToNeedleMinutes is { } d2n)
        {
            view.DoorToNeedleMinutes = d2n;
        }

        view.IncomingCaseIds.AddRange(snapshot.IncomingCaseIds);
        return view;
    }

    /// <summary>Which cases are heading to a hospital is for that hospital and the coordinators only.</summary>
    public static V1.HospitalView ToWireFor(this HospitalSnapshot snapshot, Security.Caller caller)
    {
        var view = snapshot.ToWire();
        if (caller.Is(Security.DispatchRoles.Crew, Security.DispatchRoles.EcgReader) ||
            (caller.Is(Security.DispatchRoles.Hospital) && caller.HospitalId != snapshot.Profile.Id))
        {
            view.IncomingCaseIds.Clear();
        }

        return view;
    }

    public static HospitalStatusUpdate ToDomain(this V1.UpdateHospitalStatusRequest request) => new(
        request.HasCathLabsBusy ? request.CathLabsBusy : null,
        request.HasCtAvailable ? request.CtAvailable : null,
        request.HasOnDiversion ? request.OnDiversion : null);

    public static V1.AmbulanceView ToWire(this AmbulanceSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        StationId = snapshot.StationId,
        Status = snapshot.Status.ToWireEnum<AmbulanceStatus, V1.AmbulanceStatus>(),
        Position = snapshot.Position.ToWire(),
        PositionAt = snapshot.PositionAt.ToWire(),
        CaseId = snapshot.CaseId ?? "",
    };
}
