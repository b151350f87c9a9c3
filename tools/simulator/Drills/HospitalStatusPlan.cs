using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Drills;

/// <summary>Plays the scenario's hospital events as each centre's staff would report them: cath-lab occupancy, CT outages, diversions, a centre going down.</summary>
public static class HospitalStatusPlan
{
    public static async Task Play(Scenario scenario, IReadOnlyDictionary<string, HospitalProfile> hospitals, Func<string, CallInvoker> channelOf,
        DrillClock clock, CancellationToken cancellation)
    {
        foreach (var hospital in hospitals.Values.Where(h => h.CathLabs > 0 && scenario.Hospitals.CathLabOccupancy > 0))
        {
            await Update(channelOf(hospital.Id), new UpdateHospitalStatusRequest
            {
                HospitalId = hospital.Id, CathLabsBusy = (int)Math.Round(hospital.CathLabs * scenario.Hospitals.CathLabOccupancy),
            }, cancellation);
        }

        var events = Events(scenario, hospitals).OrderBy(e => e.Minute).ToList();
        foreach (var (minute, request) in events)
        {
            await clock.Until(minute, cancellation);
            await Update(channelOf(request.HospitalId), request, cancellation);
        }
    }

    private static IEnumerable<(double Minute, UpdateHospitalStatusRequest Request)> Events(Scenario scenario, IReadOnlyDictionary<string, HospitalProfile> hospitals)
    {
        var plan = scenario.Hospitals;
        foreach (var p in plan.CtOutages)
        {
            yield return (p.FromMinute, new UpdateHospitalStatusRequest { HospitalId = p.Hospital, CtAvailable = false });
            if (p.ToMinute is { } end)
            {
                yield return (end, new UpdateHospitalStatusRequest { HospitalId = p.Hospital, CtAvailable = true });
            }
        }

        foreach (var p in plan.Diversions)
        {
            yield return (p.FromMinute, new UpdateHospitalStatusRequest { HospitalId = p.Hospital, OnDiversion = true });
            if (p.ToMinute is { } end)
            {
                yield return (end, new UpdateHospitalStatusRequest { HospitalId = p.Hospital, OnDiversion = false });
            }
        }

        foreach (var p in plan.Down)
        {
            var labs = hospitals[p.Hospital].CathLabs;
            yield return (p.FromMinute, new UpdateHospitalStatusRequest { HospitalId = p.Hospital, CathLabsBusy = labs, CtAvailable = false, OnDiversion = true });
            if (p.ToMinute is { } end)
            {
                yield return (end, new UpdateHospitalStatusRequest
                {
                    HospitalId = p.Hospital, CathLabsBusy = (int)Math.Round(labs * plan.CathLabOccupancy), CtAvailable = true, OnDiversion = false,
                });
            }
        }
    }

    private static async Task Update(CallInvoker channel, UpdateHospitalStatusRequest request, CancellationToken cancellation) =>
        await new HospitalService.HospitalServiceClient(channel).UpdateStatusAsync(request, cancellationToken: cancellation);
}
