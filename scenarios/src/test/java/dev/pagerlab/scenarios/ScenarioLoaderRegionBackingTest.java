package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioLoaderRegionBackingTest {
  static String yaml(String region) {
    return """
        name: mapped
        description: a mapped file
        memory: { frames: 8 }
        regions:
          - %s
        processes:
          - name: app
            workload: [ { touchRegion: { region: m, pages: 2 } } ]
        """.formatted(region);
  }

  @Test
  void region_vnodeBacking_readsSparseAndNoPager() throws Exception {
    Scenario s = ScenarioLoader.parse(yaml("{ name: m, pages: 4, backing: vnode, sparse: true }"), "m.yaml");
    RegionSpec r = s.regions().get(0);
    assertEquals(RegionSpec.Backing.VNODE, r.backing());
    assertTrue(r.sparse());
    assertEquals(s, ScenarioLoader.parse(ScenarioWriter.write(s), "m.yaml"));
  }

  @Test
  void region_deviceBacking_reads() throws Exception {
    Scenario s = ScenarioLoader.parse(yaml("{ name: m, pages: 4, backing: device }"), "m.yaml");
    assertEquals(RegionSpec.Backing.DEVICE, s.regions().get(0).backing());
    assertEquals(s, ScenarioLoader.parse(ScenarioWriter.write(s), "m.yaml"));
  }

  @Test
  void region_unknownBacking_namesTheField() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.parse(yaml("{ name: m, pages: 4, backing: tape }"), "m.yaml"));
    assertEquals("regions[0].backing", e.field());
    assertTrue(e.getMessage().contains("pager, vnode or device"), e.getMessage());
  }

  @Test
  void region_vnodeWithPager_isAnError() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.parse(yaml("{ name: m, pages: 4, backing: vnode, pager: app }"), "m.yaml"));
    assertEquals("regions[0].pager", e.field());
  }

  @Test
  void region_sparseWithoutVnode_isAnError() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.parse(yaml("{ name: m, pages: 4, pager: app, sparse: true }"), "m.yaml"));
    assertEquals("regions[0].sparse", e.field());
  }

  @Test
  void region_pagerBackingWithoutPager_isMissing() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.parse(yaml("{ name: m, pages: 4 }"), "m.yaml"));
    assertTrue(e.getMessage().contains("pager"), e.getMessage());
  }
}
