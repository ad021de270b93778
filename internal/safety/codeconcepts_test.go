package safety

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// conceptLiterals returns every string literal that the package's code
// uses as a concept name: the name in lx.has(hits, "x"), in the has("x")
// closures, in lx.ids["x"], and in the lists given to hasAny.
func conceptLiterals(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := map[string]string{}
	lit := func(e ast.Expr) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(b.Value)
		if err != nil {
			t.Fatal(err)
		}
		used[s] = fset.Position(b.Pos()).String()
	}
	lists := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IndexExpr:
				if sel, ok := n.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "ids" {
					lit(n.Index)
				}
			case *ast.CallExpr:
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					if fn.Sel.Name == "has" && len(n.Args) == 2 {
						lit(n.Args[1])
					}
					if fn.Sel.Name == "hasAny" && len(n.Args) == 2 {
						if id, ok := n.Args[1].(*ast.Ident); ok {
							lists[id.Name] = true
						}
					}
				case *ast.Ident:
					if fn.Name == "has" && len(n.Args) == 1 {
						lit(n.Args[0])
					}
				}
			}
			return true
		})
	}
	if len(lists) == 0 {
		t.Fatal("found no list given to hasAny; the walk is out of date")
	}
	// the lists given to hasAny, and those they are built from
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, _ := parser.ParseFile(fset, name, nil, 0)
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range vs.Names {
				if lists[id.Name] && i < len(vs.Values) {
					ast.Inspect(vs.Values[i], func(n ast.Node) bool {
						if c, ok := n.(*ast.CompositeLit); ok {
							for _, e := range c.Elts {
								lit(e)
							}
						}
						return true
					})
				}
			}
			return true
		})
	}
	return used
}

// TestCodeConceptsListed holds that every concept the code reads by name
// is in codeConcepts, which loading checks, and that each is defined.
func TestCodeConceptsListed(t *testing.T) {
	used := conceptLiterals(t)
	if len(used) < 20 {
		t.Fatalf("found only %d concept names in the code; the walk is out of date", len(used))
	}
	for name, at := range used {
		if !slices.Contains(codeConcepts, name) {
			t.Errorf("%s: the code reads concept [%s], which codeConcepts does not list", at, name)
		}
		if _, ok := compiledLexicon.ids[name]; !ok {
			t.Errorf("%s: concept [%s] is not defined in the data files", at, name)
		}
	}
	for _, name := range codeConcepts {
		if _, ok := used[name]; !ok {
			t.Errorf("codeConcepts lists [%s], which the code no longer reads", name)
		}
	}
}

// TestMissingCodeConcept holds that a data file without a concept the
// code reads fails to load, naming it.
func TestMissingCodeConcept(t *testing.T) {
	for _, name := range []string{"self", "laughter", "grooming"} {
		t.Run(name, func(t *testing.T) {
			fsys, found := withoutConcept(t, name)
			if !found {
				t.Fatalf("no data file defines [%s]", name)
			}
			_, err := loadLexicon(fsys)
			if err == nil || !strings.Contains(err.Error(), "["+name+"]") {
				t.Fatalf("loading without [%s]: err = %v, want one that names it", name, err)
			}
		})
	}
}

// withoutConcept copies the embedded data with the section [name] taken
// out of the concept file that defines it.
func withoutConcept(t *testing.T, name string) (fstest.MapFS, bool) {
	t.Helper()
	fsys := fstest.MapFS{}
	found := false
	err := fs.WalkDir(data, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data, path)
		if err != nil {
			return err
		}
		if slices.Contains(conceptFiles, path) {
			var keep []string
			skip := false
			for _, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(line, "[") {
					skip = strings.TrimSpace(line) == "["+name+"]"
					found = found || skip
				}
				if !skip {
					keep = append(keep, line)
				}
			}
			b = []byte(strings.Join(keep, "\n"))
		}
		fsys[path] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys, found
}
