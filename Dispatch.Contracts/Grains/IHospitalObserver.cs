using Dispatch.Contracts.Alerts;
using Orleans.Concurrency;

namespace Dispatch.Contracts.Grains;

/// <summary>A receiving centre's live connection: the hospital grain pushes pre-alerts to it.</summary>
[Alias("dispatch.IHospitalObserver")]
public interface IHospitalObserver : IGrainObserver
{
    [Alias("PreAlert"), OneWay]
    Task PreAlert(PreAlert alert);
}
