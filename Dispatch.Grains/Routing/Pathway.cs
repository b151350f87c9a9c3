using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>Which clinical pathway a patient is on, from the diagnosis or, before one, the complaint.</summary>
public enum Pathway
{
    Stemi,
    Stroke,
    Other,
}
