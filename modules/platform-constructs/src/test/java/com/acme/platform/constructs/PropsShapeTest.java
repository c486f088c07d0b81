package com.acme.platform.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.state.StateBucketProps;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every props type of the library evolves without breaking callers (STYLE.md 3b): no public constructor, so
 * adding a property never breaks a {@code new FooProps(...)}; a static {@code builder()} as the way in; and
 * {@code toBuilder()} for a modified copy. Reads the compiled library classes, so a new props type is covered
 * without being listed here.
 */
class PropsShapeTest {
  private static final String PACKAGE = "com.acme.platform.constructs";

  @Test
  void props_haveNoPublicConstructor_andBuilderAndToBuilder() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> props : propsClasses()) {
      problems.addAll(shapeProblems(props));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void propsClasses_foundInEveryPackage() throws Exception {
    // Guards the scan itself: an empty result would make the shape test pass vacuously.
    assertThat(propsClasses()).extracting(Class::getSimpleName).contains("PlatformLoadBalancerProps",
        "ServiceRoutingProps", "ServiceRepositoryProps", "Ec2ClusterProps", "Ec2ServiceProps", "PlatformVpcProps",
        "RemoteStateProps", "StateBucketProps", "StackConventionsProps");
  }

  private static List<String> shapeProblems(Class<?> props) {
    List<String> problems = new ArrayList<>();
    String name = props.getSimpleName();
    if (props.getConstructors().length > 0) {
      problems.add(name + " has a public constructor; builder() must be the only way in");
    }
    Method builder = publicMethod(props, "builder");
    if (builder == null || !Modifier.isStatic(builder.getModifiers())) {
      problems.add(name + " has no public static builder()");
    }
    Method toBuilder = publicMethod(props, "toBuilder");
    if (toBuilder == null || Modifier.isStatic(toBuilder.getModifiers())) {
      problems.add(name + " has no public toBuilder()");
    } else if (builder != null && toBuilder.getReturnType() != builder.getReturnType()) {
      problems.add(name + ".toBuilder() returns " + toBuilder.getReturnType().getSimpleName()
          + ", not the builder that builder() returns");
    }
    return problems;
  }

  private static Method publicMethod(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Top-level classes named {@code *Props} under the library's package, from the compiled classes directory. */
  private static List<Class<?>> propsClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(StateBucketProps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = classes.resolve(PACKAGE.replace('.', '/'));
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(PropsShapeTest::isTopLevelProps).sorted().toList()) {
        String relative = classes.relativize(file).toString();
        String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        found.add(Class.forName(className));
      }
    }
    return found;
  }

  private static boolean isTopLevelProps(Path classFile) {
    String name = classFile.getFileName().toString();
    return name.endsWith("Props.class") && !name.contains("$");
  }
}
