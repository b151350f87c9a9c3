using Dispatch.Contracts.Binding;
using Grpc.Core;

namespace Dispatch.Contracts.V1;

public static partial class RegionService
{
    public abstract partial class RegionServiceBase
    {
        /// <summary>Binds like BindService, with request deserializers that answer unreadable bytes with InvalidArgument.</summary>
        public static void BindValidated(ServiceBinderBase binder, RegionServiceBase? service) =>
            BindService(new ValidatingServiceBinder(binder), service);
    }
}
