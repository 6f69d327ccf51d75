package care.enclave.inference.control;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.TensorSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The models in a folder, each loaded once into an ONNX Runtime session: name = file name without
 * {@code .onnx}, identity = SHA-256 of the file, signature read from the model itself (so nothing here
 * hard-codes input or output names: the published PyTorch export's {@code input.1} works as well as ours).
 */
public final class ModelRegistry implements AutoCloseable {

    private final Map<String, Loaded> models = new LinkedHashMap<>();

    /** A model's description and its session. */
    record Loaded(ModelInfo info, OrtSession session) {
    }

    private ModelRegistry() {
    }

    public static ModelRegistry load(Path folder, int intraOpThreads) {
        ModelRegistry registry = new ModelRegistry();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().toList()) {
                registry.add(file, intraOpThreads);
            }
        } catch (IOException e) {
            registry.close();
            throw new IllegalStateException("ModelRegistry: the model folder is not readable");
        } catch (RuntimeException e) {
            registry.close(); // all or nothing: the sessions already created hold native memory
            throw e;
        }
        return registry;
    }

    public List<ModelInfo> models() {
        return models.values().stream().map(Loaded::info).toList();
    }

    public ModelInfo info(String name) {
        return loaded(name).info();
    }

    Loaded loaded(String name) {
        Loaded model = models.get(name);
        if (model == null) {
            throw new InferenceException(Kind.MODEL_NOT_FOUND, "no model with this name");
        }
        return model;
    }

    private void add(Path file, int intraOpThreads) {
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
            ModelInfo info = new ModelInfo(name, sha256(file), Files.size(file),
                    specs(session.getInputInfo()), specs(session.getOutputInfo()));
            models.put(name, new Loaded(info, session));
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("ModelRegistry: model " + name + " could not be loaded");
        }
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
        List<TensorSpec> specs = new ArrayList<>();
        nodes.forEach((name, node) -> {
            if (node.getInfo() instanceof TensorInfo tensor) {
                List<Long> shape = new ArrayList<>();
                for (long dimension : tensor.getShape()) {
                    shape.add(dimension);
                }
                specs.add(new TensorSpec(name, datatype(tensor), shape));
            }
        });
        return specs;
    }

    private static String datatype(TensorInfo tensor) {
        return switch (tensor.type) {
            case FLOAT -> "FP32";
            case DOUBLE -> "FP64";
            case INT64 -> "INT64";
            case INT32 -> "INT32";
            case UINT8 -> "UINT8";
            case BOOL -> "BOOL";
            default -> tensor.type.name();
        };
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }

    @Override
    public void close() {
        for (Loaded model : models.values()) {
            try {
                model.session().close();
            } catch (OrtException e) {
                // Closing at shutdown: nothing left to do with a session that will not close.
            }
        }
    }
}
