using System.Collections.Immutable;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Holds the road conditions and applies them to this silo's engine at once; other silos
/// catch up through <see cref="RoadConditionsFollower"/>.
/// </summary>
public sealed class RoadConditionsGrain(
    [PersistentState("road-conditions", StorageNames.Dispatch)] IPersistentState<RoadConditionsState> state,
    RoutingEngine engine) : Grain, IRoadConditionsGrain
{
    public async Task<long> Set(RoadCondition condition)
    {
        Validate(condition);
        state.State.Conditions.RemoveAll(c => c.Id == condition.Id);
        state.State.Conditions.Add(condition);
        return await Commit();
    }

    public async Task<long> Clear(string conditionId)
    {
        if (state.State.Conditions.RemoveAll(c => c.Id == conditionId) == 0)
        {
            throw new RuleException(RuleViolation.NotFound, $"unknown road condition '{conditionId}'");
        }

        return await Commit();
    }

    public Task<RoadConditionSet> Get() => Task.FromResult(new RoadConditionSet(state.State.Version, [.. state.State.Conditions]));

    private async Task<long> Commit()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        engine.SetConditions([.. state.State.Conditions], state.State.Version);
        return state.State.Version;
    }

    private static void Validate(RoadCondition condition)
    {
        if (string.IsNullOrWhiteSpace(condition.Id))
        {
            throw new RuleException(RuleViolation.InvalidArgument, "a road condition needs an id");
        }

        if (condition.Area.IsDefault || condition.Area.Length < 3 || condition.Area.Any(p => !p.IsValid))
        {
            throw new RuleException(RuleViolation.InvalidArgument, "a road condition's area needs at least 3 valid latitude,longitude points");
        }

        if (!RoadConditionWeights.Polygon(condition).IsValid)
        {
            throw new RuleException(RuleViolation.InvalidArgument, "a road condition's area must not cross itself");
        }

        if (double.IsNaN(condition.Factor) || condition.Factor < 1)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"a congestion factor is at least 1 (closures are +∞), got {condition.Factor}");
        }

        if (condition.FromHour is < 0 or >= 24 || condition.ToHour is < 0 or > 24 || (condition.FromHour is null != condition.ToHour is null))
        {
            throw new RuleException(RuleViolation.InvalidArgument, "a time window needs both hours, each from 0 to 24");
        }
    }
}
