using Dispatch.Contracts.Binding;
using Grpc.Core;

namespace Dispatch.Contracts.V1;

public static partial class EcgReadingService
{
    public abstract partial class EcgReadingServiceBase
    {
        /// <summary>Binds like BindService, with request deserializers that answer unreadable bytes with InvalidArgument.</summary>
        public static void BindValidated(ServiceBinderBase binder, EcgReadingServiceBase? service) =>
            BindService(new ValidatingServiceBinder(binder), service);
    }
}
