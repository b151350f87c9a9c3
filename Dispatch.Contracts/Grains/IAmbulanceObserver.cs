using Dispatch.Contracts.Crew;
using Orleans.Concurrency;

namespace Dispatch.Contracts.Grains;

/// <summary>A crew's live connection, wherever it is hosted: the ambulance grain pushes to it.</summary>
[Alias("dispatch.IAmbulanceObserver")]
public interface IAmbulanceObserver : IGrainObserver
{
    [Alias("Assigned"), OneWay]
    Task Assigned(CrewAssignment assignment);

    [Alias("DestinationChanged"), OneWay]
    Task DestinationChanged(CrewDestination destination);

    [Alias("EcgAnalysed"), OneWay]
    Task EcgAnalysed(string caseId, Ecg.EcgFindings findings);
}
