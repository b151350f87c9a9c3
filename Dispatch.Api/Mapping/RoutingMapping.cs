using System.Collections.Immutable;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>Routing messages between the wire and the domain.</summary>
public static class RoutingMapping
{
    public static V1.DestinationDecision ToWire(this DestinationDecision decision)
    {
        var wire = new V1.DestinationDecision
        {
            HospitalId = decision.HospitalId ?? "",
            Plan = decision.Plan.ToWireEnum<DestinationPlan, V1.DestinationPlan>(),
            Reason = decision.Reason,
            OnwardHospitalId = decision.OnwardHospitalId ?? "",
            DecidedAt = decision.DecidedAt.ToWire(),
            Policy = decision.Policy,
            ProjectedMetric = decision.ProjectedMetric,
        };
        if (decision.EtaMinutes is { } eta)
        {
            wire.EtaMinutes = eta;
        }

        wire.Candidates.AddRange(decision.Candidates.Select(ToWire));
        return wire;
    }

    public static V1.AmbulanceCandidate ToWire(AmbulanceCandidate candidate) => new()
    {
        AmbulanceId = candidate.AmbulanceId,
        EtaMinutes = candidate.EtaMinutes,
        FromStation = candidate.FromStation,
    };

    public static V1.CoverageReport ToWire(this CoverageReport report)
    {
        var wire = new V1.CoverageReport { CircleMinutes = report.CircleMinutes };
        wire.Capabilities.AddRange(report.Capabilities.Select(c =>
        {
            var coverage = new V1.CapabilityCoverage
            {
                Capability = ToWire(c.Capability),
                Centres = c.Centres,
                CoveredShare = c.CoveredShare,
                CoveredRoadKm = c.CoveredRoadKm,
                TotalRoadKm = c.TotalRoadKm,
            };
            coverage.Uncovered.AddRange(c.Uncovered.Select(u =>
            {
                var place = new V1.UncoveredPlace { Id = u.Id, Name = u.Name, Kind = u.Kind, NearestCentreId = u.NearestCentreId ?? "" };
                if (u.NearestCentreMinutes is { } minutes)
                {
                    place.NearestCentreMinutes = minutes;
                }

                return place;
            }));
            return coverage;
        }));
        return wire;
    }

    public static V1.IsochronePolygon ToWire(this Isochrone isochrone)
    {
        var wire = new V1.IsochronePolygon { HospitalId = isochrone.HospitalId, Minutes = isochrone.Minutes };
        wire.Outline.AddRange(isochrone.Outline.Select(p => p.ToWire()));
        return wire;
    }

    public static RoadCondition ToDomain(this V1.RoadCondition condition, InputRules rules)
    {
        if (!condition.Closed && !(condition.Factor >= 1))
        {
            throw CommonMapping.Invalid($"a road condition is closed, or has a congestion factor of at least 1; got factor {condition.Factor}");
        }

        return new RoadCondition(
            condition.Id.Required("id"),
            [.. condition.Area.Select((p, i) => rules.Position(p, $"area[{i}]"))],
            condition.Closed ? double.PositiveInfinity : condition.Factor,
            condition.HasFromHour ? condition.FromHour : null,
            condition.HasToHour ? condition.ToHour : null);
    }

    public static V1.RoadConditionList ToWire(this RoadConditionSet set)
    {
        var wire = new V1.RoadConditionList { Version = set.Version };
        wire.Conditions.AddRange(set.Conditions.Select(c =>
        {
            var condition = new V1.RoadCondition { Id = c.Id, Closed = c.IsClosure, Factor = c.IsClosure ? 0 : c.Factor };
            condition.Area.AddRange(c.Area.Select(p => p.ToWire()));
            if (c.FromHour is { } from)
            {
                condition.FromHour = from;
            }

            if (c.ToHour is { } to)
            {
                condition.ToHour = to;
            }

            return condition;
        }));
        return wire;
    }

    public static Capabilities ToDomain(this V1.Capability capability) =>
        RegionMapping.CapabilityPairs.FirstOrDefault(p => p.Wire == capability) is { Domain: not Capabilities.None } pair
            ? pair.Domain
            : throw CommonMapping.Invalid($"capability must be set to a known value, got {(int)capability}");

    private static V1.Capability ToWire(Capabilities capability) =>
        RegionMapping.CapabilityPairs.First(p => p.Domain == capability).Wire;

    private static V1.CandidateAssessment ToWire(CandidateAssessment candidate)
    {
        var wire = new V1.CandidateAssessment
        {
            HospitalId = candidate.HospitalId,
            HospitalName = candidate.HospitalName,
            Eligible = candidate.Eligible,
            Note = candidate.Note,
        };
        if (candidate.EtaMinutes is { } eta)
        {
            wire.EtaMinutes = eta;
        }

        if (candidate.ProjectedMinutes is { } projected)
        {
            wire.ProjectedMinutes = projected;
        }

        return wire;
    }
}
