namespace Dispatch.Api.Security;

/// <summary>
/// A field too big, on its way up out of the nested messages that hold it: each level it leaves
/// adds its own field to the path (<c>ecg.leads[3].samples</c>), so a message that passes never
/// pays for spelling one.
/// </summary>
internal sealed class FieldFault(string path, string problem) : Exception($"{path} {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;

    public FieldFault Under(string parent) => new($"{parent}.{Path}", Problem);
}
